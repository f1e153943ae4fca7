// Trace: one point in the middle; the enterprises, jobs and tasks that need it on the left; the courses,
// textbooks, certificates and training bases that teach, assess or support it on the right; SVG connectors.
import { gql } from '../api.js';
import { emptyBox, h, kindTag, levelBadge, select } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const PROGRAMMES = `{ programmes(first: 100) { edges { node { id code name nameEn } } } }`;

const TRACE = `query trace($id: ID!, $programme: ID) {
  trace(pointId: $id, programId: $programme) {
    point { id kind name nameEn description }
    steps { id }
    tasks { id name nameEn importance frequency provenance { enterprise { id name nameEn } version } }
    jobs { id name nameEn }
    enterprises { id name nameEn }
    requirements { job { id } level importance essential source }
    courses { course { id name nameEn programmeId } programmeName level hours }
    textbooks { id title form }
    certificates { certificate { id name nameEn } level }
    trainingBases { id name nameEn kind }
  }
}`;

const FIND = `query find($text: String!) {
  searchPoints(text: $text, first: 30) { totalCount edges { score node { id kind name nameEn } } }
}`;

const GROUP_COLOURS = {
  enterprises: '#2f6fd6', jobs: '#0f2a4a', tasks: '#17917a',
  courses: '#1d4f91', textbooks: '#e08a2e', certificates: '#b4458c', bases: '#7d6bc2',
};

export async function render(ctx) {
  const pointId = ctx.route.arg;
  const programmeId = ctx.route.query.get('programme') || '';
  const text = ctx.route.query.get('q') || '';
  const [list, data, found] = await Promise.all([
    gql(PROGRAMMES),
    pointId ? gql(TRACE, { id: pointId, programme: programmeId || null }) : null,
    !pointId && text ? gql(FIND, { text }) : null,
  ]);
  const page = h('div', { class: 'page' }, h('header', { class: 'page-head' }, h('h1', {}, t('trace.title'))));
  const toolbar = h('div', { class: 'toolbar' }, findForm(ctx, text));
  page.appendChild(toolbar);
  if (!pointId) {
    page.appendChild(found ? pickList(found.searchPoints, programmeId) : emptyBox(t('trace.choose')));
    return page;
  }
  const programmes = list.programmes.edges.map((e) => e.node);
  toolbar.appendChild(select(t('trace.programme'), 'trace-programme',
    [{ value: '', label: t('trace.allProgrammes') }, ...programmes.map((p) => ({ value: p.id, label: `${nm(p)}${t('sep.open')}${p.code}${t('sep.close')}` }))],
    programmeId, (value) => ctx.navigate(hashOf('trace', pointId, { programme: value })), 'trace-programme'));
  const trace = data.trace;
  if (!trace) {
    page.appendChild(emptyBox(t('trace.notFound', { id: pointId })));
    return page;
  }
  page.appendChild(diagram(ctx, trace));
  return page;
}

function findForm(ctx, text) {
  const input = h('input', { type: 'search', id: 'trace-find', name: 'q', value: text, 'data-test': 'trace-find', placeholder: t('search.placeholder') });
  return h('form', { class: 'field field-inline', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) ctx.navigate(hashOf('trace', null, { q }));
  } },
  h('label', { for: 'trace-find' }, t('trace.searchLabel')),
  h('div', { class: 'input-group' }, input, h('button', { type: 'submit', class: 'button' }, t('trace.searchButton'))));
}

function pickList(result, programmeId) {
  if (!result.edges.length) {
    return emptyBox(t('trace.noItems'));
  }
  return h('section', { class: 'panel' }, h('h2', { class: 'panel-title' }, t('trace.pickResults'), h('span', { class: 'count' }, String(result.totalCount))),
    h('ul', { class: 'hit-list' }, result.edges.map((edge) => h('li', {},
      kindTag(edge.node.kind), ' ',
      h('a', { href: hashOf('trace', edge.node.id, { programme: programmeId }) }, nm(edge.node)),
      edge.node.nameEn && nm(edge.node) !== edge.node.nameEn ? h('span', { class: 'muted small' }, ` ${edge.node.nameEn}`) : null))));
}

function diagram(ctx, trace) {
  const requirementOf = new Map(trace.requirements.map((r) => [r.job.id, r]));
  const left = h('div', { class: 'trace-col trace-left' },
    group('enterprises', trace.enterprises.map((e) => item('enterprises', nm(e)))),
    group('jobs', trace.jobs.map((j) => item('jobs', h('a', { href: hashOf('job', j.id) }, nm(j)),
      requirementOf.has(j.id) ? [t('trace.requires', { level: '' }), levelBadge(requirementOf.get(j.id).level)] : null))),
    group('tasks', trace.tasks.map((task) => item('tasks', nm(task),
      [nm(task.provenance.enterprise), task.importance ? ` · ${t('job.importance')} ${task.importance}/5` : '']))));
  const right = h('div', { class: 'trace-col trace-right' },
    group('courses', trace.courses.map((c) => item('courses', h('a', { href: hashOf('matrix', c.course.programmeId) }, nm(c.course)),
      [levelBadge(c.level), ' ', c.programmeName, c.hours ? ` · ${t('common.hours', { n: c.hours })}` : '']))),
    group('textbooks', trace.textbooks.map((b) => item('textbooks', b.title))),
    group('certificates', trace.certificates.map((c) => item('certificates', nm(c.certificate), [t('trace.requires', { level: '' }), levelBadge(c.level)]))),
    group('bases', trace.trainingBases.map((b) => item('bases', nm(b)))));
  const point = trace.point;
  const centre = h('div', { class: 'trace-centre' }, h('div', { class: 'trace-point', 'data-test': 'trace-point' },
    kindTag(point.kind),
    h('h2', { class: 'trace-point-name' }, nm(point)),
    point.nameEn && nm(point) !== point.nameEn ? h('div', { class: 'muted' }, point.nameEn) : null,
    h('div', { class: 'mono small muted' }, point.id),
    point.description ? h('p', { class: 'small' }, point.description) : null,
    h('div', { class: 'trace-sides small' },
      h('span', {}, `← ${t('trace.need')}`), h('span', {}, `${t('trace.serve')} →`))));
  const links = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  links.setAttribute('class', 'trace-links');
  links.setAttribute('aria-hidden', 'true');
  const container = h('div', { class: 'trace' }, links, left, centre, right);
  const draw = () => drawLinks(container, links, centre.firstChild);
  const observer = new ResizeObserver(draw);
  observer.observe(container);
  ctx.onCleanup(() => observer.disconnect());
  ctx.defer(new Promise((resolve) => requestAnimationFrame(() => {
    draw();
    resolve();
  })));
  return container;
}

function group(name, items) {
  return h('section', { class: `trace-group group-${name}`, 'data-group': name },
    h('h3', { class: 'trace-group-title', style: { borderColor: GROUP_COLOURS[name] } }, t(`trace.${name}`),
      h('span', { class: 'count', 'data-test': `trace-count-${name}` }, String(items.length))),
    items.length ? h('ul', {}, items) : h('p', { class: 'muted small trace-none' }, t('trace.noItems')));
}

function item(groupName, label, detail) {
  return h('li', { class: 'trace-item', 'data-link': groupName, style: { borderLeftColor: GROUP_COLOURS[groupName] } },
    h('div', { class: 'trace-item-name' }, label),
    detail ? h('div', { class: 'trace-item-detail small muted' }, detail) : null);
}

/** Curves from every item to the point card; nothing when the columns are stacked (narrow screens). */
function drawLinks(container, svg, card) {
  const box = container.getBoundingClientRect();
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
  svg.replaceChildren();
  if (!card || getComputedStyle(svg).display === 'none') {
    return;
  }
  const c = card.getBoundingClientRect();
  const cy = c.top - box.top + Math.min(c.height / 2, 80);
  container.querySelectorAll('.trace-item').forEach((element) => {
    const r = element.getBoundingClientRect();
    const onLeft = element.closest('.trace-left') !== null;
    const x1 = onLeft ? r.right - box.left : r.left - box.left;
    const y1 = r.top - box.top + r.height / 2;
    const x2 = onLeft ? c.left - box.left : c.right - box.left;
    const dx = (x2 - x1) / 2;
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${cy} ${x2},${cy}`);
    path.setAttribute('stroke', GROUP_COLOURS[element.dataset.link]);
    path.setAttribute('class', 'trace-link');
    svg.appendChild(path);
  });
}
