// Job ability map: the project → task → step → skill → knowledge tree of a job as a collapsible ECharts tree,
// with an outline of the same tree for keyboards and screen readers, and the job's skill summary.
import { gql, mutate, submitting } from '../api.js';
import { hasRole } from '../session.js';
import { CHART_FONT, LEVEL_COLOURS, chartBox, dateTime, emptyBox, esc, h, levelBadge, panel, rank, select, stat } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const JOBS = `{ jobs(first: 100) { edges { node { id name nameEn group { id name nameEn } } } } }`;

const MAP = `query abilityMap($jobId: ID!) {
  abilityMap(jobId: $jobId) {
    job { id name nameEn description group { id name nameEn } }
    submissions { ...submissionStatus shadowing { startDate endDate method } }
    drafts { ...submissionStatus }
    projects { id name nameEn provenance { enterprise { id name nameEn } version submissionId }
      tasks { id name nameEn frequency importance difficulty
        steps { id name nameEn skills { level skill { id name nameEn } knowledge { id name nameEn } } } } }
    skills { skill { id name nameEn } highestLevel enterpriseCount stepCount }
  }
}
fragment submissionStatus on Submission {
  id version submittedAt status published enterprise { id name nameEn }
  reviews { decision comment at reviewer industryBodyId }
}`;

const REVIEW = `mutation review($input: ReviewSubmissionInput!) {
  reviewSubmission(input: $input) { submission { id status } errors { path code message } }
}`;

const SERVING = `query serving($jobId: ID!) {
  programmes(filter: { jobId: $jobId }, first: 100) { edges { node { id code name nameEn } } }
}`;

const NODE_COLOURS = { job: '#0f2a4a', project: '#2f6fd6', task: '#17917a', step: '#7d6bc2', knowledge: '#e08a2e' };

export async function render(ctx) {
  const jobId = ctx.route.arg;
  const [jobsData, mapData, servingData] = await Promise.all([gql(JOBS), jobId ? gql(MAP, { jobId }) : null,
    jobId ? gql(SERVING, { jobId }) : null]);
  const jobs = jobsData.jobs.edges.map((edge) => edge.node);
  const page = h('div', { class: 'page' },
    h('header', { class: 'page-head' }, h('h1', {}, t('job.title'))),
    h('div', { class: 'toolbar' }, jobPicker(ctx, jobs, jobId)));
  if (!jobId) {
    page.appendChild(jobCards(jobs));
    return page;
  }
  const map = mapData.abilityMap;
  if (!map) {
    page.appendChild(emptyBox(t('job.notFound', { id: jobId })));
    return page;
  }
  page.appendChild(summary(map));
  page.appendChild(serving(servingData.programmes.edges.map((edge) => edge.node)));
  page.appendChild(submissionPanel(ctx, map));
  if (!map.projects.length) {
    page.appendChild(emptyBox(t('job.noSubmissions')));
    return page;
  }
  page.appendChild(new TreeView(ctx, map).element);
  page.appendChild(skillTable(map));
  return page;
}

function jobPicker(ctx, jobs, jobId) {
  const groups = new Map();
  for (const job of jobs) {
    const key = job.group ? nm(job.group) : '—';
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push({ value: job.id, label: nm(job) });
  }
  const options = [{ value: '', label: t('job.pickPrompt') }];
  groups.forEach((items, group) => options.push({ group, options: items }));
  return select(t('job.pick'), 'job-picker', options, jobId || '', (value) => value && ctx.navigate(hashOf('job', value)),
    'job-picker');
}

function jobCards(jobs) {
  return panel(t('job.choose'), h('div', { class: 'cards' }, jobs.map((job) => h('a', { class: 'card-link', href: hashOf('job', job.id) },
    h('strong', {}, nm(job)), h('span', { class: 'muted small' }, job.group ? nm(job.group) : '')))));
}

/** Counts of the tree's levels, as plain numbers. */
export function counts(map) {
  const tasks = map.projects.flatMap((p) => p.tasks);
  const steps = tasks.flatMap((task) => task.steps);
  const stepSkills = steps.flatMap((step) => step.skills);
  const knowledge = new Set(stepSkills.flatMap((s) => s.knowledge.map((k) => k.id)));
  return {
    enterprises: new Set(map.submissions.map((s) => s.enterprise.id)).size,
    projects: map.projects.length, tasks: tasks.length, steps: steps.length,
    skills: map.skills.length, knowledge: knowledge.size,
  };
}

function summary(map) {
  const c = counts(map);
  const job = map.job;
  return h('div', {},
    h('div', { class: 'subject' },
      h('h2', { class: 'subject-title', 'data-test': 'job-name' }, nm(job)),
      h('div', { class: 'subject-meta' },
        job.group ? h('span', {}, `${t('job.group')}${t('sep.colon')}${nm(job.group)}`) : null,
        h('span', { class: 'mono' }, job.id)),
      job.description ? h('p', { class: 'muted' }, job.description) : null,
      map.submissions.length ? h('p', { class: 'small muted' }, `${t('job.submissions')}${t('sep.colon')}`,
        map.submissions.map((s, i) => [i ? t('sep.item') : '', `${nm(s.enterprise)}${t('sep.open')}${t('common.version', { n: s.version })}`,
          s.shadowing && s.shadowing.startDate ? `${t('sep.comma')}${t('job.shadowing')} ${s.shadowing.startDate} – ${s.shadowing.endDate || ''}` : '', t('sep.close')])) : null),
    h('div', { class: 'stats' },
      stat(t('job.enterprises'), String(c.enterprises), null, 'job-enterprises'),
      stat(t('job.projects'), String(c.projects), null, 'job-projects'),
      stat(t('job.tasks'), String(c.tasks), null, 'job-tasks'),
      stat(t('job.steps'), String(c.steps), null, 'job-steps'),
      stat(t('job.skills'), String(c.skills), null, 'job-skills'),
      stat(t('job.knowledge'), String(c.knowledge), null, 'job-knowledge')));
}

/** The programmes that claim to serve this job, each linking to its alignment with the job's requirements. */
function serving(programmes) {
  return h('p', { class: 'small', 'data-test': 'job-programmes' }, `${t('job.programmes')}${t('sep.colon')}`,
    programmes.length ? programmes.map((p, i) => [i ? t('sep.item') : '',
      h('a', { href: hashOf('programme', p.id), 'data-programme': p.id }, `${nm(p)}${t('sep.open')}${p.code}${t('sep.close')}`)])
      : h('span', { class: 'muted' }, t('job.noProgrammes')));
}

/**
 * Every submission behind the map and every draft the caller may see, with its review status and history; a
 * reviewer decides on the versions awaiting review here.
 */
function submissionPanel(ctx, map) {
  const rows = [...map.submissions, ...map.drafts.filter((d) => !map.submissions.some((s) => s.id === d.id))];
  if (!rows.length) {
    return h('div');
  }
  const reviewer = hasRole('INDUSTRY_REVIEWER');
  return panel(t('review.title'),
    h('p', { class: 'small muted' }, t(map.drafts.length ? 'review.hintDrafts' : 'review.hint')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'job-submissions' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('review.enterprise')),
        h('th', { scope: 'col', class: 'num' }, t('review.version')),
        h('th', { scope: 'col' }, t('review.submittedAt')),
        h('th', { scope: 'col' }, t('review.status')),
        h('th', { scope: 'col' }, t('review.history')))),
      h('tbody', {}, rows.map((s) => h('tr', { 'data-submission': s.id, 'data-status': s.status },
        h('td', {}, nm(s.enterprise)),
        h('td', { class: 'num' }, String(s.version)),
        h('td', { class: 'small' }, dateTime(s.submittedAt)),
        h('td', {}, statusBadge(s), s.published ? null : h('span', { class: 'badge badge-draft', 'data-test': 'draft-mark' }, t('review.draft'))),
        h('td', {}, reviewHistory(s),
          h('a', { class: 'small', href: hashOf('history', s.id), 'data-test': 'submission-audit' }, t('review.auditLink')),
          reviewer && s.status === 'SUBMITTED' ? reviewForm(ctx, s) : null)))))));
}

function statusBadge(submission) {
  return h('span', { class: `badge status-${submission.status.toLowerCase().replace('_', '-')}`, 'data-test': 'submission-status' },
    t(`review.status.${submission.status}`));
}

function reviewHistory(submission) {
  if (!submission.reviews.length) {
    return null;
  }
  return h('ol', { class: 'review-history small', 'data-test': 'review-history' }, submission.reviews.map((r) => h('li', {},
    h('strong', {}, t(`review.status.${r.decision}`)), ` · ${r.reviewer} · ${dateTime(r.at)}`,
    r.comment ? h('span', { class: 'review-comment' }, `${t('sep.colon')}${r.comment}`) : null)));
}

/** The decision form of a reviewer: decision, comment (required unless approving) and a button. */
function reviewForm(ctx, submission) {
  const decision = h('select', { 'data-test': 'review-decision', 'aria-label': t('review.decision') },
    ['APPROVED', 'CHANGES_REQUESTED', 'REJECTED'].map((d) => h('option', { value: d }, t(`review.decide.${d}`))));
  const comment = h('textarea', { rows: 2, 'data-test': 'review-comment', 'aria-label': t('review.comment'),
    placeholder: t('review.comment') });
  const message = h('p', { class: 'form-message', role: 'status', 'data-test': 'review-message' });
  const button = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'review-submit' }, t('review.submit'));
  return h('form', {
    class: 'review-form',
    'data-test': 'review-form',
    onsubmit: submitting(ctx, button, message, t('review.saving'), async () => {
      const input = { submissionId: submission.id, decision: decision.value, comment: comment.value.trim() || null };
      return (await mutate(REVIEW, { input })).reviewSubmission.errors;
    }),
  }, decision, comment, h('div', { class: 'form-actions' }, button, message));
}

function skillTable(map) {
  const skills = [...map.skills].sort((a, b) => rank(b.highestLevel) - rank(a.highestLevel)
    || b.enterpriseCount - a.enterpriseCount || b.stepCount - a.stepCount);
  return panel(t('job.skillTable'), h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'job-skill-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('common.skill')), h('th', { scope: 'col' }, t('job.highestLevel')),
      h('th', { scope: 'col', class: 'num' }, t('job.enterpriseCount')), h('th', { scope: 'col', class: 'num' }, t('job.stepCount')))),
    h('tbody', {}, skills.map((s) => h('tr', {},
      h('td', {}, h('a', { href: hashOf('trace', s.skill.id) }, nm(s.skill))),
      h('td', {}, levelBadge(s.highestLevel)),
      h('td', { class: 'num' }, String(s.enterpriseCount)),
      h('td', { class: 'num' }, String(s.stepCount))))))));
}

/**
 * The tree, drawn twice from one state (the set of expanded node keys): as an ECharts tree and as an outline of
 * buttons. Clicking a chart node or an outline button toggles the same node in both.
 */
class TreeView {
  constructor(ctx, map) {
    this.ctx = ctx;
    this.root = buildTree(map);
    this.nodes = new Map();
    index(this.root, this.nodes);
    // Shown at first: the job, its projects and their tasks.
    this.expanded = new Set([this.root.key, ...this.root.children.map((p) => p.key)]);
    this.chartHolder = null;
    this.outline = h('ul', { class: 'outline', role: 'tree', 'data-test': 'job-outline', 'aria-label': t('job.outline') });
    const chartPanel = panel(t('job.tree'),
      h('div', { class: 'panel-actions' },
        h('p', { class: 'small muted' }, t('job.treeHint')),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'button button-quiet', 'data-test': 'expand-all', onclick: () => this.setAll(true) }, t('job.expandAll')),
        h('button', { type: 'button', class: 'button button-quiet', 'data-test': 'collapse-all', onclick: () => this.setAll(false) }, t('job.collapseAll'))),
      legend());
    this.chartHolder = chartBox(ctx, this.option(), { height: this.height(), label: t('job.tree') });
    this.chartHolder.box.dataset.test = 'job-tree-chart';
    this.chartHolder.box.style.minWidth = `${this.width()}px`;
    this.chartHolder.onReady = (chart) => chart.on('click', (params) => {
      if (params.data && params.data.key && params.data.hasChildren) {
        this.toggle(params.data.key);
      }
    });
    chartPanel.appendChild(h('div', { class: 'chart-scroll' }, this.chartHolder.box));
    this.renderOutline();
    this.element = h('div', {}, chartPanel, panel(t('job.outline'), this.outline));
  }

  toggle(key) {
    if (this.expanded.has(key)) {
      this.expanded.delete(key);
    } else {
      this.expanded.add(key);
    }
    this.redraw();
  }

  setAll(open) {
    this.expanded = new Set(open ? [...this.nodes.values()].filter((n) => n.children.length).map((n) => n.key) : [this.root.key]);
    this.redraw();
  }

  redraw() {
    this.renderOutline();
    const box = this.chartHolder.box;
    box.style.height = `${this.height()}px`;
    box.style.minWidth = `${this.width()}px`;
    if (this.chartHolder.chart) {
      this.chartHolder.chart.setOption(this.option(), { replaceMerge: ['series'] });
      this.chartHolder.chart.resize();
    }
  }

  /** Enough width for the visible levels, each label clear of the next level (the panel scrolls sideways). */
  width() {
    let deepest = 0;
    const walk = (node, depth) => {
      deepest = Math.max(deepest, depth);
      if (node.children.length && this.expanded.has(node.key)) {
        node.children.forEach((child) => walk(child, depth + 1));
      }
    };
    walk(this.root, 0);
    return 150 + deepest * 190 + 230;
  }

  /** Enough height for the visible leaves. */
  height() {
    let leaves = 0;
    const walk = (node) => {
      if (node.children.length && this.expanded.has(node.key)) {
        node.children.forEach(walk);
      } else {
        leaves += 1;
      }
    };
    walk(this.root);
    return Math.max(360, leaves * 26 + 60);
  }

  option() {
    const toData = (node) => {
      const open = this.expanded.has(node.key);
      const colour = node.colour;
      return {
        name: node.label, key: node.key, kind: node.kind, info: node.info, hasChildren: node.children.length > 0,
        collapsed: node.children.length > 0 && !open,
        itemStyle: { color: node.children.length && !open ? colour : '#fff', borderColor: colour, borderWidth: 2 },
        symbolSize: { job: 16, project: 13, task: 11, step: 10, skill: 10, knowledge: 8 }[node.kind],
        label: node.kind === 'job' ? { fontWeight: 'bold', fontSize: 13 } : undefined,
        children: node.children.map(toData),
      };
    };
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'item', triggerOn: 'mousemove', confine: true, formatter: (params) => tooltip(params.data) },
      series: [{
        type: 'tree', id: 'ability-tree', data: [toData(this.root)], orient: 'LR',
        top: 20, bottom: 20, left: 150, right: 230, roam: false, expandAndCollapse: false, initialTreeDepth: -1,
        animationDuration: 300, animationDurationUpdate: 300,
        lineStyle: { color: '#c3ccd8', width: 1.2, curveness: 0.5 },
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12, color: '#1c2733', width: 140, overflow: 'truncate' },
        leaves: { label: { position: 'right', align: 'left', width: 210, overflow: 'truncate' } },
      }],
    };
  }

  renderOutline() {
    const item = (node, depth) => {
      const open = this.expanded.has(node.key);
      const hasChildren = node.children.length > 0;
      const li = h('li', { role: 'treeitem', 'aria-level': String(depth), 'aria-expanded': hasChildren ? String(open) : null, 'data-key': node.key, 'data-kind': node.kind },
        h('div', { class: 'outline-row' },
          hasChildren
            ? h('button', { type: 'button', class: 'outline-toggle', 'aria-label': t(open ? 'job.collapse' : 'job.expand', { name: node.label }),
              'data-test': 'outline-toggle', onclick: () => this.toggle(node.key) }, open ? '▾' : '▸')
            : h('span', { class: 'outline-toggle-space', 'aria-hidden': 'true' }),
          h('span', { class: `node-dot node-${node.kind}`, style: { borderColor: node.colour }, 'aria-hidden': 'true' }),
          node.kind !== 'job' ? h('span', { class: 'outline-kind' }, t(`job.node${node.kind[0].toUpperCase()}${node.kind.slice(1)}`)) : null,
          h('span', { class: 'outline-name' }, node.kind === 'skill' || node.kind === 'knowledge'
            ? h('a', { href: hashOf('trace', node.info.pointId) }, node.label) : node.label),
          outlineMeta(node)));
      if (hasChildren && open) {
        li.appendChild(h('ul', { role: 'group' }, node.children.map((child) => item(child, depth + 1))));
      }
      return li;
    };
    this.outline.replaceChildren(item(this.root, 1));
  }
}

function legend() {
  const entry = (colour, label, hollow) => h('span', { class: 'legend-item' },
    h('span', { class: 'legend-dot', style: { borderColor: colour, background: hollow ? '#fff' : colour } }), label);
  return h('div', { class: 'legend' },
    entry(NODE_COLOURS.project, t('job.nodeProject')), entry(NODE_COLOURS.task, t('job.nodeTask')),
    entry(NODE_COLOURS.step, t('job.nodeStep')),
    entry(LEVEL_COLOURS[1], `${t('job.nodeSkill')} · ${t('level.AWARE')}`), entry(LEVEL_COLOURS[2], `${t('job.nodeSkill')} · ${t('level.PRACTISED')}`),
    entry(LEVEL_COLOURS[3], `${t('job.nodeSkill')} · ${t('level.MASTERED')}`), entry(NODE_COLOURS.knowledge, t('job.nodeKnowledge')));
}

function outlineMeta(node) {
  const info = node.info;
  const bits = [];
  if (node.kind === 'project') {
    bits.push(h('span', { class: 'chip' }, t('job.provenance', { enterprise: info.enterprise, version: info.version })));
  }
  if (node.kind === 'task') {
    if (info.frequency) bits.push(h('span', { class: 'chip' }, `${t('job.frequency')} ${t(`freq.${info.frequency}`)}`));
    if (info.importance) bits.push(h('span', { class: 'chip' }, `${t('job.importance')} ${info.importance}/5`));
    if (info.difficulty) bits.push(h('span', { class: 'chip' }, `${t('job.difficulty')} ${info.difficulty}/5`));
  }
  if (node.kind === 'skill') {
    bits.push(levelBadge(info.level));
  }
  return bits.length ? h('span', { class: 'outline-meta' }, bits) : null;
}

function tooltip(data) {
  if (!data || !data.info) {
    return '';
  }
  const info = data.info;
  const rows = [`<strong>${esc(data.name)}</strong>`];
  const line = (label, value) => rows.push(`<span class="tt-label">${esc(label)}</span> ${esc(value)}`);
  if (data.kind !== 'job') {
    line(t('job.enterprise'), info.enterprise);
    line(t('job.version'), `v${info.version}`);
  }
  if (data.kind === 'task') {
    if (info.frequency) line(t('job.frequency'), t(`freq.${info.frequency}`));
    if (info.importance) line(t('job.importance'), `${info.importance} / 5`);
    if (info.difficulty) line(t('job.difficulty'), `${info.difficulty} / 5`);
  }
  if (data.kind === 'skill') {
    line(t('job.level'), t(`level.${info.level}`));
  }
  if (data.kind === 'knowledge') {
    line(t('job.supports'), info.skill);
  }
  if (data.kind === 'job' && info.group) {
    line(t('job.group'), info.group);
  }
  return `<div class="tt">${rows.join('<br>')}</div>`;
}

/** The merged map as one tree of {key, kind, label, colour, info, children}. */
function buildTree(map) {
  const node = (key, kind, label, colour, info, children = []) => ({ key, kind, label, colour, info, children });
  return node(map.job.id, 'job', nm(map.job), NODE_COLOURS.job, { group: map.job.group ? nm(map.job.group) : null },
    map.projects.map((project) => {
      const provenance = { enterprise: nm(project.provenance.enterprise), version: project.provenance.version };
      return node(project.id, 'project', nm(project), NODE_COLOURS.project, provenance, project.tasks.map((task) =>
        node(task.id, 'task', nm(task), NODE_COLOURS.task,
          { ...provenance, frequency: task.frequency, importance: task.importance, difficulty: task.difficulty },
          task.steps.map((step) => node(step.id, 'step', nm(step), NODE_COLOURS.step, provenance,
            step.skills.map((s) => node(`${step.id}|${s.skill.id}`, 'skill', nm(s.skill), LEVEL_COLOURS[rank(s.level)],
              { ...provenance, level: s.level, pointId: s.skill.id },
              s.knowledge.map((k) => node(`${step.id}|${s.skill.id}|${k.id}`, 'knowledge', nm(k), NODE_COLOURS.knowledge,
                { ...provenance, skill: nm(s.skill), pointId: k.id })))))))));
    }));
}

function index(node, nodes) {
  nodes.set(node.key, node);
  node.children.forEach((child) => index(child, nodes));
}
