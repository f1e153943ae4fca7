// Submit: an enterprise uploads a work-task document; the page shows the document's tree with every problem next
// to the place it concerns, or what was matched and created.
import { ApiError, clearCache, uploadSubmission, uploadSubmissionFile } from '../api.js';
import { errorBox, h, kindTag, levelBadge } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const LEVELS = [
  { list: 'projects', kind: 'project', label: 'job.nodeProject' },
  { list: 'tasks', kind: 'task', label: 'job.nodeTask' },
  { list: 'steps', kind: 'step', label: 'job.nodeStep' },
  { list: 'skills', kind: 'skill', label: 'job.nodeSkill' },
  { list: 'knowledge', kind: 'knowledge', label: 'job.nodeKnowledge' },
];

/** The deepest tree node a problem's path belongs to: 'projects[0].tasks[1].importance' → 'projects[0].tasks[1]'. */
export function ownerOf(path, nodePaths) {
  let best = '';
  for (const candidate of nodePaths) {
    if (candidate && (path === candidate || path.startsWith(`${candidate}.`)) && candidate.length > best.length) {
      best = candidate;
    }
  }
  return best;
}

/** Kept across renders, so that switching the language keeps the chosen file and the last answer. */
const state = { text: null, sheet: null, fileName: null, document: null, parseError: null, problems: [], answer: null };

/** Spreadsheets go to the REST upload as files; JSON documents are read here first to preview their tree. */
const isSheet = (file) => /\.(xlsx|csv)$/i.test(file.name);

/** The template downloads (REST, not GraphQL: they are files). */
const TEMPLATES = [
  { href: 'api/templates/work-tasks.xlsx', label: 'submit.templateWorkTasks', test: 'template-work-tasks' },
  { href: 'api/templates/work-tasks.csv', label: 'submit.templateWorkTasksCsv', test: 'template-work-tasks-csv' },
  { href: 'api/templates/programme.xlsx', label: 'submit.templateProgramme', test: 'template-programme' },
];

export async function render() {
  const fileInput = h('input', { type: 'file', id: 'submit-file', accept: '.json,.xlsx,.csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv', 'data-test': 'submit-file' });
  const button = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'submit-button' }, t('submit.button'));
  const message = h('p', { class: 'form-message', role: 'status' });
  const result = h('section', { class: 'submit-result', 'data-test': 'submit-result', 'aria-live': 'polite' });
  const preview = h('section', { class: 'panel submit-preview', 'data-test': 'submit-preview', hidden: true });

  const showPreview = () => {
    preview.hidden = state.text === null && state.sheet === null;
    preview.replaceChildren(h('h2', { class: 'panel-title' }, t('submit.preview'), state.fileName ? h('span', { class: 'muted small mono' }, ` ${state.fileName}`) : null));
    if (state.sheet) {
      preview.appendChild(h('p', { class: 'muted', 'data-test': 'sheet-note' }, t('submit.sheetChosen')));
    } else if (state.parseError) {
      preview.appendChild(h('p', { class: 'problem' }, t('submit.unparsable', { message: state.parseError })));
    } else if (state.document !== null) {
      preview.appendChild(documentTree(state.document, state.problems));
    }
  };

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    result.replaceChildren();
    result.removeAttribute('data-state');
    result.removeAttribute('data-outcome');
    state.problems = [];
    state.answer = null;
    message.textContent = '';
    if (!file) {
      state.text = null;
      state.sheet = null;
      showPreview();
      return;
    }
    state.fileName = file.name;
    if (isSheet(file)) {
      state.sheet = file;
      state.text = null;
      state.document = null;
      state.parseError = null;
      showPreview();
      return;
    }
    state.sheet = null;
    state.text = await file.text();
    try {
      state.document = JSON.parse(state.text);
      state.parseError = null;
    } catch (e) {
      state.document = null;
      state.parseError = e.message;
    }
    showPreview();
  });

  const form = h('form', { class: 'panel submit-form', onsubmit: async (event) => {
    event.preventDefault();
    if (state.text === null && state.sheet === null) {
      message.textContent = t('submit.chooseFirst');
      fileInput.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('submit.submitting');
    result.dataset.state = 'pending';
    result.replaceChildren(h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('submit.submitting')));
    try {
      state.answer = state.sheet ? await uploadSubmissionFile(state.sheet) : await uploadSubmission(state.text);
      state.problems = isRejection(state.answer) ? state.answer.body.errors || [] : [];
      if (!isRejection(state.answer)) {
        clearCache();
      }
      showAnswer(result);
    } catch (error) {
      result.replaceChildren(errorBox(error instanceof ApiError ? error : new ApiError(String(error))));
      result.dataset.outcome = 'ERROR';
    } finally {
      button.disabled = false;
      button.textContent = t('submit.button');
      result.dataset.state = 'done';
      showPreview();
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'submit-file' }, t('submit.file')), fileInput),
  h('div', { class: 'form-actions' }, button, message));

  if (state.text !== null || state.sheet !== null) {
    message.textContent = state.fileName || '';
    showPreview();
  }
  if (state.answer) {
    showAnswer(result);
    result.dataset.state = 'done';
  }
  return h('div', { class: 'page' },
    h('header', { class: 'page-head' }, h('h1', {}, t('submit.title')), h('p', { class: 'lead' }, t('submit.lead')),
      h('p', { class: 'small', 'data-test': 'template-links' }, t('submit.templates'), ' ',
        TEMPLATES.map((template, i) => [i ? ' · ' : null,
          h('a', { href: template.href, download: '', 'data-test': template.test }, t(template.label))]))),
    form, result, preview);
}

function isRejection(answer) {
  return answer.status === 422 || answer.status === 413;
}

function showAnswer(result) {
  if (isRejection(state.answer)) {
    result.replaceChildren(rejected(state.answer, state.problems));
    result.dataset.outcome = 'REJECTED';
  } else {
    result.replaceChildren(accepted(state.answer.body, state.document));
    result.dataset.outcome = state.answer.body.outcome;
  }
}

function rejected(answer, problems) {
  if (answer.status === 413 && !problems.length) {
    return h('div', { class: 'state state-error', role: 'alert' }, t('submit.tooLarge'));
  }
  return h('div', { class: 'panel panel-error', role: 'alert' },
    h('h2', { class: 'panel-title' }, t('submit.rejected', { n: problems.length }),
      h('span', { class: 'count count-error', 'data-test': 'problem-count' }, String(problems.length))),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'problem-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('submit.path')), h('th', { scope: 'col' }, t('submit.code')), h('th', { scope: 'col' }, t('submit.message')))),
      h('tbody', {}, problems.map((problem) => h('tr', { 'data-path': problem.path },
        h('td', {}, h('button', { type: 'button', class: 'link-button mono', onclick: () => reveal(problem.path) }, problem.path || t('submit.root'))),
        h('td', {}, h('span', { class: 'badge badge-error' }, t(`code.${problem.code}`)), ' ', h('span', { class: 'muted small mono' }, problem.code)),
        h('td', {}, problem.message, problem.jsonPath ? h('span', { class: 'muted small mono' }, ` ${t('submit.jsonPath')} ${problem.jsonPath}`) : null)))))));
}

function reveal(path) {
  const nodes = [...document.querySelectorAll('.doc-node')];
  const owner = ownerOf(path, nodes.map((n) => n.dataset.path));
  const node = nodes.find((n) => n.dataset.path === owner);
  if (node) {
    node.scrollIntoView({ behavior: 'smooth', block: 'center' });
    node.focus({ preventScroll: true });
  }
}

function accepted(body, document) {
  const jobId = document && document.jobId;
  const pointLink = (point) => h('a', { href: hashOf('trace', point.id) }, nm(point));
  return h('div', { class: 'panel panel-success' },
    h('h2', { class: 'panel-title' }, h('span', { class: `badge outcome outcome-${body.outcome.toLowerCase()}`, 'data-test': 'submit-outcome' }, body.outcome), ' ',
      t(`submit.success.${body.outcome}`)),
    h('p', {}, t('submit.submission', { id: body.submissionId, version: body.version }), ' ',
      jobId ? h('a', { href: hashOf('job', jobId), 'data-test': 'submit-job-link' }, t('submit.viewJob')) : null),
    h('div', { class: 'submit-answer' },
      h('section', {}, h('h3', {}, t('submit.matched'), h('span', { class: 'count', 'data-test': 'matched-count' }, String(body.matchedPoints.length))),
        body.matchedPoints.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact', 'data-test': 'matched-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('submit.path')), h('th', { scope: 'col' }, t('submit.given')),
            h('th', { scope: 'col' }, t('prog.point')), h('th', { scope: 'col' }, t('submit.matchedBy')))),
          h('tbody', {}, body.matchedPoints.map((m) => h('tr', {},
            h('td', { class: 'mono small path-cell' }, m.path), h('td', {}, m.givenName || '—'),
            h('td', {}, kindTag(m.point.kind), ' ', pointLink(m.point)), h('td', {}, t(`submit.by.${m.matchedBy}`)))))))
          : h('p', { class: 'muted' }, t('submit.matchedNone'))),
      h('section', {}, h('h3', {}, t('submit.created'), h('span', { class: 'count', 'data-test': 'created-count' }, String(body.createdPoints.length))),
        body.createdPoints.length ? h('ul', { class: 'hit-list', 'data-test': 'created-list' }, body.createdPoints.map((p) => h('li', { 'data-id': p.id },
          kindTag(p.kind), ' ', pointLink(p), ' ', h('span', { class: 'muted small mono' }, p.id))))
          : h('p', { class: 'muted' }, t('submit.createdNone')))));
}

/** The document as a tree keyed by path, each node with the problems that concern it. */
function documentTree(document, problems) {
  const nodes = [];
  const collect = (value, path, depth) => {
    if (depth >= LEVELS.length || !value || typeof value !== 'object') return [];
    const level = LEVELS[depth];
    const list = value[level.list];
    if (!Array.isArray(list)) return [];
    return list.map((child, i) => {
      const childPath = `${path ? `${path}.` : ''}${level.list}[${i}]`;
      const node = { path: childPath, level, value: child, children: collect(child, childPath, depth + 1) };
      nodes.push(node);
      return node;
    });
  };
  const root = { path: '', level: null, value: document, children: collect(document, '', 0) };
  const byOwner = new Map();
  for (const problem of problems) {
    const owner = ownerOf(problem.path, nodes.map((n) => n.path));
    if (!byOwner.has(owner)) byOwner.set(owner, []);
    byOwner.get(owner).push(problem);
  }
  const draw = (node) => {
    const value = node.value && typeof node.value === 'object' ? node.value : {};
    const own = byOwner.get(node.path) || [];
    const label = node.level
      ? [h('span', { class: `outline-kind kind-${node.level.kind}` }, t(node.level.label)), ' ', h('strong', {}, String(value.name ?? value.id ?? '—'))]
      : [h('span', { class: 'outline-kind' }, t('submit.root')), ' ',
        h('strong', {}, `${t('submit.enterprise')}${t('sep.colon')}${value.enterprise && value.enterprise.name ? value.enterprise.name : '—'}`), ' · ',
        `${t('submit.jobId')}${t('sep.colon')}${value.jobId ?? '—'}`];
    const meta = [];
    if (node.level && node.level.kind === 'task') {
      if (value.importance !== undefined) meta.push(h('span', { class: 'chip' }, `${t('job.importance')} ${value.importance}`));
      if (value.frequency) {
        const known = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'OCCASIONAL'].includes(value.frequency);
        meta.push(h('span', { class: 'chip' }, `${t('job.frequency')} ${known ? t(`freq.${value.frequency}`) : String(value.frequency)}`));
      }
    }
    if (node.level && node.level.kind === 'skill' && value.level) {
      meta.push(['AWARE', 'PRACTISED', 'MASTERED'].includes(value.level) ? levelBadge(value.level) : h('span', { class: 'chip' }, String(value.level)));
    }
    return h('li', { class: `doc-node${own.length ? ' has-error' : ''}`, 'data-path': node.path, tabindex: '-1' },
      h('div', { class: 'doc-row' }, label, ' ', meta, h('span', { class: 'doc-path mono' }, node.path || '/')),
      own.length ? h('ul', { class: 'doc-problems', 'data-test': 'node-problems' }, own.map((p) => h('li', { 'data-path': p.path },
        h('span', { class: 'badge badge-error' }, t(`code.${p.code}`)), ' ', h('span', { class: 'mono small' }, p.path || t('submit.root')), ' ', p.message))) : null,
      node.children.length ? h('ul', { class: 'doc-children' }, node.children.map(draw)) : null);
  };
  return h('ul', { class: 'doc-tree', 'data-test': 'doc-tree' }, draw(root));
}
