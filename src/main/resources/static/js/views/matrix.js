// Curriculum matrix: courses × points as a heatmap table coloured by teaching level, filtered by block, job and
// kind, sorted, with sticky headers on screen and repeated headers in print (A4 landscape).
import { gql } from '../api.js';
import { emptyBox, h, rank, select } from '../dom.js';
import { nm, t, tParts } from '../i18n.js';
import { hashOf } from '../route.js';
import { exportLinks } from './programme.js';

const PROGRAMMES = `{ programmes(first: 100) { edges { node { id code name nameEn } } } }`;

const MATRIX = `query matrix($id: ID!) {
  curriculumMatrix(programId: $id) {
    programme { id code name nameEn school { name nameEn }
      targetJobs { id name nameEn standard { point { id } level importance } } }
    courses { id name nameEn block hours semester }
    points { point { id kind name nameEn } requiredLevel importance }
    cells { courseId pointId level hours }
  }
}`;

const BLOCKS = ['PUBLIC_FOUNDATION', 'PROFESSIONAL_CORE', 'INDUSTRY_FEATURE', 'PRACTICE_TRAINING'];

/** Points per printed page: 56 columns of 16 px beside the course names fill an A4 landscape page. */
const PRINT_COLUMNS = 56;

export async function render(ctx) {
  const programmeId = ctx.route.arg;
  const [list, data] = await Promise.all([gql(PROGRAMMES), programmeId ? gql(MATRIX, { id: programmeId }) : null]);
  const programmes = list.programmes.edges.map((e) => e.node);
  const page = h('div', { class: 'page page-matrix' }, h('header', { class: 'page-head no-print' }, h('h1', {}, t('matrix.title'))));
  const toolbar = h('div', { class: 'toolbar no-print' },
    select(t('matrix.pick'), 'matrix-programme',
      [{ value: '', label: t('prog.choose') }, ...programmes.map((p) => ({ value: p.id, label: `${nm(p)}${t('sep.open')}${p.code}${t('sep.close')}` }))],
      programmeId || '', (value) => value && ctx.navigate(hashOf('matrix', value)), 'matrix-programme'));
  page.appendChild(toolbar);
  if (!programmeId) {
    page.appendChild(emptyBox(t('prog.choose')));
    return page;
  }
  const matrix = data.curriculumMatrix;
  if (!matrix) {
    page.appendChild(emptyBox(t('prog.notFound', { id: programmeId })));
    return page;
  }
  new MatrixView(ctx, matrix, toolbar, page);
  return page;
}

/** Which cells, rows and columns are shown for the current filters and sort orders. */
export function visible(matrix, state) {
  const standard = state.job ? matrix.programme.targetJobs.find((j) => j.id === state.job) : null;
  const jobPoints = standard ? new Set(standard.standard.map((r) => r.point.id)) : null;
  const courses = matrix.courses.filter((c) => !state.block || c.block === state.block);
  const points = matrix.points.filter((p) => (!jobPoints || jobPoints.has(p.point.id)) && (!state.kind || p.point.kind === state.kind));
  const courseIds = new Set(courses.map((c) => c.id));
  const pointIds = new Set(points.map((p) => p.point.id));
  const cells = matrix.cells.filter((cell) => courseIds.has(cell.courseId) && pointIds.has(cell.pointId));
  return { courses, points, cells };
}

class MatrixView {
  constructor(ctx, matrix, toolbar, page) {
    this.ctx = ctx;
    this.matrix = matrix;
    const q = ctx.route.query;
    this.state = { block: q.get('block') || '', job: q.get('job') || '', kind: q.get('kind') || '',
      cols: q.get('cols') || 'default', rows: q.get('rows') || 'order' };
    this.cellsByKey = new Map(matrix.cells.map((cell) => [`${cell.courseId}|${cell.pointId}`, cell]));
    this.taught = new Map();
    for (const cell of matrix.cells) {
      const entry = this.taught.get(cell.pointId) || { best: 0, courses: 0 };
      entry.best = Math.max(entry.best, rank(cell.level));
      entry.courses += 1;
      this.taught.set(cell.pointId, entry);
    }
    const change = (key) => (value) => {
      this.state[key] = value;
      this.update();
    };
    toolbar.append(
      select(t('matrix.block'), 'matrix-block', [{ value: '', label: t('common.all') }, ...BLOCKS.map((b) => ({ value: b, label: t(`block.${b}`) }))],
        this.state.block, change('block'), 'matrix-block'),
      select(t('matrix.job'), 'matrix-job', [{ value: '', label: t('matrix.jobAll') }, ...matrix.programme.targetJobs.map((j) => ({ value: j.id, label: nm(j) }))],
        this.state.job, change('job'), 'matrix-job'),
      select(t('matrix.kind'), 'matrix-kind', [{ value: '', label: t('common.all') }, { value: 'SKILL', label: t('kind.SKILL') }, { value: 'KNOWLEDGE', label: t('kind.KNOWLEDGE') }],
        this.state.kind, change('kind'), 'matrix-kind'),
      select(t('matrix.sortCols'), 'matrix-cols', ['default', 'importance', 'gaps', 'taught'].map((v) => ({ value: v, label: t(`matrix.sort.${v}`) })),
        this.state.cols, change('cols'), 'matrix-cols'),
      select(t('matrix.sortRows'), 'matrix-rows', ['order', 'block', 'count', 'name'].map((v) => ({ value: v, label: t(`matrix.rows.${v}`) })),
        this.state.rows, change('rows'), 'matrix-rows'),
      h('button', { type: 'button', class: 'button', 'data-test': 'matrix-print', onclick: () => window.print() }, t('matrix.print')),
      this.exports = h('span', { class: 'export-slot' }));
    this.summary = h('p', { class: 'matrix-summary', 'data-test': 'matrix-summary' });
    this.body = h('div', { class: 'matrix-body' });
    this.printBody = h('div', { class: 'matrix-print', 'aria-hidden': 'true' });
    const programme = matrix.programme;
    page.append(
      h('div', { class: 'subject' },
        h('h2', { class: 'subject-title', 'data-test': 'matrix-programme-name' }, `${nm(programme)}${t('sep.open')}${programme.code}${t('sep.close')}`),
        h('div', { class: 'subject-meta' }, programme.school ? h('span', {}, nm(programme.school)) : null,
          h('a', { class: 'no-print', href: hashOf('programme', programme.id) }, t('nav.programme'))),
        this.summary),
      legend(),
      this.body,
      this.printBody,
      h('p', { class: 'small muted no-print' }, t('matrix.printNote')));
    this.update(true);
  }

  update(first = false) {
    const s = this.state;
    if (!first) {
      this.ctx.navigate(hashOf('matrix', this.matrix.programme.id, {
        block: s.block, job: s.job, kind: s.kind, cols: s.cols === 'default' ? '' : s.cols, rows: s.rows === 'order' ? '' : s.rows,
      }), { replace: true });
    }
    // The job filter is the nearest thing to a target here: the alignment downloads measure against that job.
    this.exports.replaceChildren(exportLinks(this.matrix.programme.id, s.job ? { jobIds: [s.job] } : null));
    const shown = visible(this.matrix, s);
    const courses = this.sortRows(shown.courses, shown.cells);
    const points = this.sortColumns(shown.points);
    this.summary.replaceChildren(...tParts('matrix.summary', {
      courses: h('b', { 'data-test': 'matrix-courses' }, String(courses.length)),
      points: h('b', { 'data-test': 'matrix-points' }, String(points.length)),
      cells: h('b', { 'data-test': 'matrix-cells' }, String(shown.cells.length)),
    }));
    if (!courses.length || !points.length) {
      this.body.replaceChildren(emptyBox(t('matrix.empty')));
      this.printBody.replaceChildren();
      return;
    }
    this.body.replaceChildren(h('div', { class: 'matrix-scroll', tabindex: '0', 'aria-label': t('matrix.title') },
      this.table(courses, points, 'matrix-table')));
    const pages = [];
    for (let start = 0; start < points.length; start += PRINT_COLUMNS) {
      pages.push(this.table(courses, points.slice(start, start + PRINT_COLUMNS), 'matrix-print-table'));
    }
    this.printBody.replaceChildren(...pages);
  }

  gapOf(point) {
    if (!point.requiredLevel) return 'orphan';
    const taught = this.taught.get(point.point.id);
    return taught && taught.best >= rank(point.requiredLevel) ? 'covered' : 'gap';
  }

  sortColumns(points) {
    const byDefault = (a, b) => this.matrix.points.indexOf(a) - this.matrix.points.indexOf(b);
    const sorted = [...points];
    if (this.state.cols === 'importance') {
      sorted.sort((a, b) => b.importance - a.importance || byDefault(a, b));
    } else if (this.state.cols === 'gaps') {
      const order = { gap: 0, covered: 1, orphan: 2 };
      sorted.sort((a, b) => order[this.gapOf(a)] - order[this.gapOf(b)] || b.importance - a.importance || byDefault(a, b));
    } else if (this.state.cols === 'taught') {
      const count = (p) => (this.taught.get(p.point.id) || { courses: 0 }).courses;
      sorted.sort((a, b) => count(b) - count(a) || byDefault(a, b));
    }
    return sorted;
  }

  sortRows(courses, cells) {
    const order = (a, b) => this.matrix.courses.indexOf(a) - this.matrix.courses.indexOf(b);
    const sorted = [...courses];
    if (this.state.rows === 'block') {
      sorted.sort((a, b) => BLOCKS.indexOf(a.block) - BLOCKS.indexOf(b.block) || order(a, b));
    } else if (this.state.rows === 'count') {
      const counts = new Map();
      cells.forEach((cell) => counts.set(cell.courseId, (counts.get(cell.courseId) || 0) + 1));
      sorted.sort((a, b) => (counts.get(b.id) || 0) - (counts.get(a.id) || 0) || order(a, b));
    } else if (this.state.rows === 'name') {
      sorted.sort((a, b) => nm(a).localeCompare(nm(b), document.documentElement.lang));
    }
    return sorted;
  }

  table(courses, points, testId) {
    const programmeId = this.matrix.programme.id;
    const headRow = h('tr', { class: 'matrix-names' },
      h('th', { class: 'matrix-corner', scope: 'col', rowspan: '2' }, t('matrix.corner')),
      points.map((p) => h('th', { scope: 'col', class: `matrix-point kind-${p.point.kind.toLowerCase()}`, 'data-point': p.point.id },
        h('a', { href: hashOf('trace', p.point.id, { programme: programmeId }), title: `${nm(p.point)} · ${t(`kind.${p.point.kind}`)}` },
          h('span', { class: 'vertical' }, nm(p.point))))));
    const requiredRow = h('tr', { class: 'matrix-required' }, points.map((p) => {
      const gap = this.gapOf(p);
      const level = rank(p.requiredLevel);
      return h('th', { scope: 'col', class: `req req-${gap}`, 'data-gap': gap,
        title: p.requiredLevel ? `${t('level.required')}: ${t(`level.${p.requiredLevel}`)}${gap === 'gap' ? ` · ${t('matrix.gapColumn')}` : ''}` : t('matrix.notRequired') },
      level ? t(`levelShortReq.${level}`) : '–');
    }));
    const rows = courses.map((course) => h('tr', { 'data-course': course.id },
      h('th', { scope: 'row', class: `matrix-course block-${course.block.toLowerCase()}`, title: `${nm(course)} · ${t(`block.${course.block}`)}` },
        h('span', { class: 'course-name' }, nm(course)), h('span', { class: 'course-block' }, t(`block.${course.block}`))),
      points.map((p) => {
        const cell = this.cellsByKey.get(`${course.id}|${p.point.id}`);
        if (!cell) {
          return h('td', { class: 'cell' });
        }
        const level = rank(cell.level);
        return h('td', { class: `cell lv${level}`, 'data-level': cell.level,
          title: t('matrix.cellTitle', { course: nm(course), point: nm(p.point), level: t(`level.${cell.level}`),
            hours: cell.hours ? ` · ${t('common.hours', { n: cell.hours })}` : '' }) }, t(`levelShort.${level}`));
      })));
    return h('table', { class: 'matrix', 'data-test': testId }, h('thead', {}, headRow, requiredRow), h('tbody', {}, rows));
  }
}

function legend() {
  const swatch = (cls, label) => h('span', { class: 'legend-item' }, h('span', { class: `legend-cell ${cls}` }), label);
  return h('div', { class: 'legend matrix-legend' },
    h('span', { class: 'legend-title' }, `${t('level.legend')}${t('sep.colon')}`),
    swatch('lv1', `${t('levelShort.1')} ${t('level.INTRODUCED')}`),
    swatch('lv2', `${t('levelShort.2')} ${t('level.REINFORCED')}`),
    swatch('lv3', `${t('levelShort.3')} ${t('level.MASTERED')}`),
    h('span', { class: 'legend-title' }, `${t('level.required')}${t('sep.colon')}`),
    swatch('req-gap', t('matrix.gapColumn')),
    swatch('req-orphan', t('matrix.notRequired')));
}
