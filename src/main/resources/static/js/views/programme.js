// Programme alignment: coverage of a target (own jobs, one job, a job group, a certificate) as charts and as
// numbers, and the gap and orphan lists, each point linking to its trace.
import { gql } from '../api.js';
import { CHART_FONT, GAP_COLOURS, chartBox, emptyBox, gapBadge, h, kindTag, levelBadge, panel, pct, select, stat } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const CHOICES = `{
  programmes(first: 100) { edges { node { id code name nameEn school { name nameEn }
    targetJobs { id name nameEn } certificates { id name nameEn } } } }
  jobGroups(first: 100) { edges { node { id name nameEn } } }
  certificates(first: 100) { edges { node { id name nameEn } } }
}`;

const ALIGNMENT = `query alignment($id: ID!, $target: AlignmentTarget) {
  coverage(programId: $id, target: $target) {
    target { kind jobIds jobGroupId certificateId }
    overall { ...share } skills { ...share } knowledge { ...share }
    byBlock { block share { ...share } }
    byJob { job { id name nameEn } share { ...share } }
  }
  gaps(programId: $id, target: $target) {
    kind requiredLevel taughtLevel importance
    point { id kind name nameEn } jobs { id name nameEn } closestCourse { id name nameEn }
  }
  orphans(programId: $id, target: $target) {
    taughtLevel point { id kind name nameEn } courses { course { id name nameEn } level hours }
  }
}
fragment share on Share { required covered ratio requiredWeight coveredWeight weightedRatio }`;

/** The target query parameter ('job:<id>', 'group:<id>', 'cert:<id>', or none) as the API's AlignmentTarget. */
export function targetOf(parameter) {
  const [kind, ...rest] = (parameter || '').split(':');
  const id = rest.join(':');
  if (!id) return null;
  if (kind === 'job') return { jobIds: [id] };
  if (kind === 'group') return { jobGroupId: id };
  if (kind === 'cert') return { certificateId: id };
  return null;
}

export async function render(ctx) {
  const programmeId = ctx.route.arg;
  const targetParameter = ctx.route.query.get('target') || '';
  const target = targetOf(targetParameter);
  const [choices, alignment] = await Promise.all([
    gql(CHOICES),
    programmeId ? gql(ALIGNMENT, { id: programmeId, target }) : null,
  ]);
  const programmes = choices.programmes.edges.map((e) => e.node);
  const programme = programmes.find((p) => p.id === programmeId);
  const page = h('div', { class: 'page' }, h('header', { class: 'page-head' }, h('h1', {}, t('prog.title'))));
  const toolbar = h('div', { class: 'toolbar' },
    select(t('prog.pick'), 'programme-picker',
      [{ value: '', label: t('prog.choose') }, ...programmes.map((p) => ({ value: p.id, label: `${nm(p)}${t('sep.open')}${p.code}${t('sep.close')}` }))],
      programmeId || '', (value) => value && ctx.navigate(hashOf('programme', value)), 'programme-picker'));
  page.appendChild(toolbar);
  if (!programmeId) {
    page.appendChild(emptyBox(t('prog.choose')));
    return page;
  }
  if (!programme || !alignment.coverage) {
    page.appendChild(emptyBox(t('prog.notFound', { id: programmeId })));
    return page;
  }
  toolbar.appendChild(targetPicker(ctx, programme, choices, targetParameter));
  toolbar.appendChild(h('a', { class: 'button button-quiet', href: hashOf('matrix', programme.id) }, t('prog.matrixLink')));
  toolbar.appendChild(exportLinks(programme.id, target));
  const coverage = alignment.coverage;
  page.append(
    h('div', { class: 'subject' },
      h('h2', { class: 'subject-title', 'data-test': 'programme-name' }, nm(programme)),
      h('div', { class: 'subject-meta' },
        h('span', {}, `${t('prog.code')} ${programme.code}`),
        programme.school ? h('span', {}, nm(programme.school)) : null,
        h('span', {}, `${t('prog.targetJobsLabel')}${t('sep.colon')}`, programme.targetJobs.map((j, i) => [i ? t('sep.list') : '', h('a', { href: hashOf('job', j.id) }, nm(j))])))),
    h('div', { class: 'stats' },
      stat(t('prog.overall'), pct(coverage.overall.ratio), t('prog.coveredOf', coverage.overall), 'overall-ratio'),
      stat(t('prog.weighted'), pct(coverage.overall.weightedRatio),
        t('prog.weightOf', { covered: coverage.overall.coveredWeight, required: coverage.overall.requiredWeight }), 'weighted-ratio'),
      stat(t('prog.skills'), pct(coverage.skills.ratio), t('prog.coveredOf', coverage.skills), 'skills-ratio'),
      stat(t('prog.knowledge'), pct(coverage.knowledge.ratio), t('prog.coveredOf', coverage.knowledge), 'knowledge-ratio'),
      stat(t('prog.gaps'), String(alignment.gaps.length), null, 'gap-count-stat'),
      stat(t('prog.orphans'), String(alignment.orphans.length), null, 'orphan-count-stat')),
    h('div', { class: 'grid-3' },
      compositionPanel(ctx, coverage, alignment.gaps),
      blockPanel(ctx, coverage),
      jobPanel(ctx, coverage)),
    gapsPanel(alignment.gaps, programme.id),
    orphansPanel(alignment.orphans, programme.id));
  return page;
}

/** The REST address of a report download, carrying the target (an AlignmentTarget) as query parameters. */
export function exportHref(programmeId, file, target) {
  const query = new URLSearchParams();
  (target?.jobIds || []).forEach((id) => query.append('jobIds', id));
  if (target?.jobGroupId) query.set('jobGroupId', target.jobGroupId);
  if (target?.certificateId) query.set('certificateId', target.certificateId);
  const search = query.toString();
  return `/api/programmes/${encodeURIComponent(programmeId)}/${file}${search ? `?${search}` : ''}`;
}

/** Links to the printable report and the spreadsheets, keeping the chosen target. */
export function exportLinks(programmeId, target) {
  // The matrix takes no target: its required levels are always those of the programme's own jobs.
  const link = (file, label, testId, download) => h('a', { class: 'button button-quiet',
    href: exportHref(programmeId, file, file === 'matrix.xlsx' ? null : target),
    'data-test': testId, target: download ? null : '_blank', rel: download ? null : 'noopener', download: download ? '' : null }, label);
  return h('span', { class: 'export-links', role: 'group', 'aria-label': t('export.label'), title: t('export.title') },
    link('alignment.html', t('export.alignmentHtml'), 'export-alignment-html', false),
    link('alignment.xlsx', t('export.alignmentXlsx'), 'export-alignment-xlsx', true),
    link('matrix.xlsx', t('export.matrixXlsx'), 'export-matrix-xlsx', true));
}

function targetPicker(ctx, programme, choices, current) {
  const options = [{ value: '', label: t('prog.targetOwn') },
    { group: t('prog.targetJobs'), options: programme.targetJobs.map((j) => ({ value: `job:${j.id}`, label: nm(j) })) },
    { group: t('prog.targetGroups'), options: choices.jobGroups.edges.map((e) => ({ value: `group:${e.node.id}`, label: nm(e.node) })) },
    { group: t('prog.targetCerts'), options: choices.certificates.edges.map((e) => ({ value: `cert:${e.node.id}`, label: nm(e.node) })) }];
  return select(t('prog.target'), 'target-picker', options, current,
    (value) => ctx.navigate(hashOf('programme', programme.id, { target: value })), 'target-picker');
}

function compositionPanel(ctx, coverage, gaps) {
  const notTaught = gaps.filter((g) => g.kind === 'NOT_TAUGHT').length;
  const below = gaps.filter((g) => g.kind === 'BELOW_LEVEL').length;
  const data = [
    { name: t('prog.coveredPts'), value: coverage.overall.covered, itemStyle: { color: GAP_COLOURS.covered } },
    { name: t('gap.BELOW_LEVEL'), value: below, itemStyle: { color: GAP_COLOURS.BELOW_LEVEL } },
    { name: t('gap.NOT_TAUGHT'), value: notTaught, itemStyle: { color: GAP_COLOURS.NOT_TAUGHT } },
  ];
  const chart = chartBox(ctx, {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    series: [{ type: 'pie', radius: ['52%', '76%'], center: ['50%', '44%'], avoidLabelOverlap: true, label: { show: false }, data }],
    graphic: [{ type: 'text', left: 'center', top: '37%', style: { text: pct(coverage.overall.ratio), fontSize: 22, fontWeight: 'bold', fill: '#0f2a4a', fontFamily: CHART_FONT } },
      { type: 'text', left: 'center', top: '48%', style: { text: t('prog.overall'), fontSize: 12, fill: '#5b6b7d', fontFamily: CHART_FONT } }],
  }, { height: 240, label: t('prog.composition') });
  chart.box.dataset.test = 'coverage-chart';
  return panel(t('prog.composition'), chart.box,
    h('ul', { class: 'figures' },
      h('li', {}, h('span', { class: 'swatch', style: { background: GAP_COLOURS.covered } }), t('prog.coveredPts'), h('b', {}, String(coverage.overall.covered))),
      h('li', {}, h('span', { class: 'swatch', style: { background: GAP_COLOURS.BELOW_LEVEL } }), t('gap.BELOW_LEVEL'), h('b', {}, String(below))),
      h('li', {}, h('span', { class: 'swatch', style: { background: GAP_COLOURS.NOT_TAUGHT } }), t('gap.NOT_TAUGHT'), h('b', {}, String(notTaught)))));
}

function barOption(names, shares) {
  return {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v.toFixed(1)}%` },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 8 },
    grid: { left: 8, right: 16, top: 10, bottom: 36, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef1f5' } } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: t('prog.chartRatio'), type: 'bar', data: shares.map((s) => Math.round(s.ratio * 1000) / 10), itemStyle: { color: '#2f6fd6' }, barMaxWidth: 14 },
      { name: t('prog.chartWeighted'), type: 'bar', data: shares.map((s) => Math.round(s.weightedRatio * 1000) / 10), itemStyle: { color: '#9cc2ee' }, barMaxWidth: 14 },
    ],
  };
}

function shareTable(testId, headLabel, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact', 'data-test': testId },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, headLabel),
      h('th', { scope: 'col', class: 'num' }, t('prog.ratio')), h('th', { scope: 'col', class: 'num' }, t('prog.weightedShort')))),
    h('tbody', {}, rows.map(([label, share, key]) => h('tr', { 'data-key': key },
      h('th', { scope: 'row' }, label),
      h('td', { class: 'num' }, h('span', { 'data-test': 'ratio' }, pct(share.ratio)),
        h('div', { class: 'small muted' }, `${share.covered}/${share.required}`)),
      h('td', { class: 'num' }, h('span', { 'data-test': 'weighted' }, pct(share.weightedRatio)),
        h('div', { class: 'small muted' }, `${share.coveredWeight}/${share.requiredWeight}`)))))));
}

function blockPanel(ctx, coverage) {
  const names = coverage.byBlock.map((b) => t(`block.${b.block}`));
  const chart = chartBox(ctx, barOption(names, coverage.byBlock.map((b) => b.share)), { height: 220, label: t('prog.byBlock') });
  chart.box.dataset.test = 'block-chart';
  return panel(t('prog.byBlock'), chart.box,
    shareTable('block-table', t('prog.block'), coverage.byBlock.map((b) => [t(`block.${b.block}`), b.share, b.block])));
}

function jobPanel(ctx, coverage) {
  if (!coverage.byJob.length) {
    return panel(t('prog.byJob'), emptyBox(t('prog.byJobNone')));
  }
  const names = coverage.byJob.map((j) => nm(j.job));
  const chart = chartBox(ctx, barOption(names, coverage.byJob.map((j) => j.share)),
    { height: Math.max(180, 70 + coverage.byJob.length * 44), label: t('prog.byJob') });
  chart.box.dataset.test = 'job-chart';
  return panel(t('prog.byJob'), chart.box,
    shareTable('job-table', t('prog.job'), coverage.byJob.map((j) => [h('a', { href: hashOf('job', j.job.id) }, nm(j.job)), j.share, j.job.id])));
}

function pointLink(point, programmeId) {
  return h('a', { href: hashOf('trace', point.id, { programme: programmeId }), 'data-point': point.id }, nm(point));
}

function gapsPanel(gaps, programmeId) {
  const title = h('h2', { class: 'panel-title' }, t('prog.gaps'), h('span', { class: 'count', 'data-test': 'gap-count' }, String(gaps.length)));
  if (!gaps.length) {
    return h('section', { class: 'panel' }, title, emptyBox(t('prog.gapsNone')));
  }
  return h('section', { class: 'panel' }, title, h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'gap-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('prog.gapKind')), h('th', { scope: 'col' }, t('prog.point')), h('th', { scope: 'col' }, t('prog.kind')),
      h('th', { scope: 'col' }, t('prog.requiredLevel')), h('th', { scope: 'col' }, t('prog.taughtLevel')),
      h('th', { scope: 'col', class: 'num' }, t('prog.importance')), h('th', { scope: 'col' }, t('prog.jobs')), h('th', { scope: 'col' }, t('prog.closest')))),
    h('tbody', {}, gaps.map((gap) => h('tr', { class: `row-${gap.kind.toLowerCase()}`, 'data-kind': gap.kind },
      h('td', {}, gapBadge(gap.kind)),
      h('td', {}, pointLink(gap.point, programmeId)),
      h('td', {}, kindTag(gap.point.kind)),
      h('td', {}, levelBadge(gap.requiredLevel)),
      h('td', {}, levelBadge(gap.taughtLevel)),
      h('td', { class: 'num' }, importance(gap.importance)),
      h('td', {}, gap.jobs.map((j, i) => [i ? t('sep.list') : '', h('a', { href: hashOf('job', j.id) }, nm(j))])),
      h('td', {}, gap.closestCourse ? nm(gap.closestCourse) : h('span', { class: 'muted' }, '—'))))))));
}

function importance(value) {
  return h('span', { class: 'importance', title: `${value}/5` }, h('span', { class: 'sr-only' }, `${value}/5`),
    h('span', { 'aria-hidden': 'true' }, '●'.repeat(value) + '○'.repeat(Math.max(0, 5 - value))));
}

function orphansPanel(orphans, programmeId) {
  const title = h('h2', { class: 'panel-title' }, t('prog.orphans'), h('span', { class: 'count count-orphan', 'data-test': 'orphan-count' }, String(orphans.length)));
  if (!orphans.length) {
    return h('section', { class: 'panel' }, title, emptyBox(t('prog.orphansNone')));
  }
  return h('section', { class: 'panel' }, title, h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'orphan-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('prog.point')), h('th', { scope: 'col' }, t('prog.kind')),
      h('th', { scope: 'col' }, t('prog.taughtLevel')), h('th', { scope: 'col' }, t('prog.courses')))),
    h('tbody', {}, orphans.map((orphan) => h('tr', {},
      h('td', {}, gapBadge('orphan'), ' ', pointLink(orphan.point, programmeId)),
      h('td', {}, kindTag(orphan.point.kind)),
      h('td', {}, levelBadge(orphan.taughtLevel)),
      h('td', {}, orphan.courses.map((c, i) => [i ? t('sep.list') : '', nm(c.course), ' ', h('span', { class: 'muted small' }, `(${t(`level.${c.level}`)})`)]))))))));
}
