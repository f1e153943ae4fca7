// Search: one box over jobs, programmes, courses and points (the API's full-text `search`), Chinese included.
import { gql } from '../api.js';
import { emptyBox, h, kindTag } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const SEARCH = `query search($text: String!) {
  search(text: $text, first: 50) { id kind name nameEn programmeId score }
}`;

const KINDS = ['JOB', 'PROGRAMME', 'COURSE', 'SKILL', 'KNOWLEDGE'];

const EXAMPLES = ['绝缘', '电池', '机器人', '数据标注', 'PLC', 'calibration'];

/** Where a hit leads: jobs to their map, programmes to their alignment, courses to their matrix, points to their trace. */
export function hitLink(hit) {
  switch (hit.kind) {
    case 'JOB': return hashOf('job', hit.id);
    case 'PROGRAMME': return hashOf('programme', hit.id);
    case 'COURSE': return hashOf('matrix', hit.programmeId);
    default: return hashOf('trace', hit.id);
  }
}

export async function render(ctx) {
  const text = (ctx.route.query.get('q') || '').trim();
  const kind = ctx.route.query.get('kind') || '';
  const data = text ? await gql(SEARCH, { text }) : null;
  const input = h('input', { type: 'search', id: 'search-input', name: 'q', value: text, 'data-test': 'search-input',
    placeholder: t('search.placeholder'), autocomplete: 'off' });
  const form = h('form', { class: 'search-form', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) ctx.navigate(hashOf('search', null, { q }));
  } },
  h('label', { for: 'search-input', class: 'search-label' }, t('search.label')),
  h('div', { class: 'input-group input-group-large' }, input,
    h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'search-button' }, t('search.button'))));
  const page = h('div', { class: 'page' }, h('header', { class: 'page-head' }, h('h1', {}, t('search.title'))), form);
  if (!text) {
    page.appendChild(h('div', { class: 'state state-empty' }, h('p', {}, t('search.hint')),
      h('p', {}, t('search.examples'), ' ', EXAMPLES.map((example) => [h('a', { class: 'chip chip-link', href: hashOf('search', null, { q: example }) }, example), ' ']))));
    if (ctx.isCurrent()) requestAnimationFrame(() => input.focus());
    return page;
  }
  const hits = data.search;
  const counts = Object.fromEntries(KINDS.map((k) => [k, hits.filter((hit) => hit.kind === k).length]));
  const shown = kind ? hits.filter((hit) => hit.kind === kind) : hits;
  page.append(
    h('p', { class: 'result-count', 'data-test': 'search-count', 'data-count': String(hits.length) }, t('search.count', { n: hits.length })),
    hits.length ? h('div', { class: 'chips', role: 'group', 'aria-label': t('search.filter') },
      h('a', { class: `chip chip-link${kind ? '' : ' chip-active'}`, href: hashOf('search', null, { q: text }), 'aria-current': kind ? null : 'true' },
        `${t('common.all')} ${hits.length}`),
      KINDS.filter((k) => counts[k]).map((k) => h('a', { class: `chip chip-link${kind === k ? ' chip-active' : ''}`, 'data-kind': k,
        href: hashOf('search', null, { q: text, kind: k }), 'aria-current': kind === k ? 'true' : null }, `${t(`kind.${k}`)} ${counts[k]}`))) : null,
    hits.length ? h('ol', { class: 'hit-list', 'data-test': 'search-hits' }, shown.map((hit) => h('li', { class: 'hit', 'data-kind': hit.kind, 'data-id': hit.id },
      kindTag(hit.kind),
      h('a', { class: 'hit-name', href: hitLink(hit) }, nm(hit)),
      hit.nameEn && nm(hit) !== hit.nameEn ? h('span', { class: 'muted small' }, hit.nameEn) : (nm(hit) !== hit.name ? h('span', { class: 'muted small' }, hit.name) : null),
      h('span', { class: 'hit-score', title: t('search.score') }, h('span', { class: 'meter meter-small' },
        h('span', { class: 'meter-bar', style: { width: `${Math.min(100, Math.round((hit.score / hits[0].score) * 100))}%` } })))))) :
      emptyBox(t('search.none', { q: text })));
  return page;
}
