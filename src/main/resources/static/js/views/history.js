// Audit trail: who wrote what and when, for one entity (#/history/<id>) or filtered by actor, operation, outcome
// and time, with the CSV and xlsx downloads of the same filter.
import { gql } from '../api.js';
import { dateTime, emptyBox, h, panel } from '../dom.js';
import { t } from '../i18n.js';
import { hashOf } from '../route.js';

const LOG = `query auditLog($filter: AuditLogFilter, $after: String) {
  auditLog(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at actor organisationKind organisationId source operation entityIds outcome contentHash version detail } }
  }
}`;

const FIELDS = ['entityId', 'actor', 'operation', 'outcome', 'from', 'to'];

export async function render(ctx) {
  const filter = { entityId: ctx.route.arg || null };
  for (const field of FIELDS.slice(1)) {
    filter[field] = ctx.route.query.get(field) || null;
  }
  const first = await gql(LOG, { filter, after: null });
  const table = h('tbody');
  const more = h('button', { type: 'button', class: 'button', 'data-test': 'audit-more' }, t('audit.more'));
  let page = first.auditLog;
  const showPage = () => {
    page.edges.forEach((edge) => table.appendChild(row(edge.node)));
    more.hidden = !page.pageInfo.hasNextPage;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    page = (await gql(LOG, { filter, after: page.pageInfo.endCursor })).auditLog;
    more.disabled = false;
    showPage();
  });
  showPage();
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  return h('div', { class: 'page' },
    h('header', { class: 'page-head' }, h('h1', {}, filter.entityId ? t('audit.titleOf', { id: filter.entityId }) : t('audit.title')),
      h('p', { class: 'muted' }, t('audit.intro'))),
    filterForm(ctx, filter),
    panel(t('audit.entries', { n: first.auditLog.totalCount }),
      h('div', { class: 'panel-actions' },
        h('a', { class: 'button button-quiet', href: `api/audit.csv${query ? `?${query}` : ''}`, 'data-test': 'audit-csv' }, t('audit.csv')),
        h('a', { class: 'button button-quiet', href: `api/audit.xlsx${query ? `?${query}` : ''}`, 'data-test': 'audit-xlsx' }, t('audit.xlsx'))),
      first.auditLog.totalCount ? h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact', 'data-test': 'audit-table' },
        h('thead', {}, h('tr', {}, ['at', 'actor', 'operation', 'entities', 'outcome', 'detail']
          .map((key) => h('th', { scope: 'col' }, t(`audit.col.${key}`))))),
        table)) : emptyBox(t('audit.none')),
      more));
}

function row(entry) {
  return h('tr', { 'data-outcome': entry.outcome, 'data-actor': entry.actor, 'data-operation': entry.operation },
    h('td', { class: 'small nowrap' }, dateTime(entry.at)),
    h('td', {}, entry.actor, entry.organisationId ? h('div', { class: 'small muted' },
      `${entry.organisationKind ? t(`org.${entry.organisationKind}`) : ''} ${entry.organisationId}`) : null),
    h('td', {}, h('span', { class: 'mono' }, entry.operation), h('div', { class: 'small muted' }, entry.source)),
    h('td', { class: 'small' }, entry.entityIds.map((id, i) => [i ? ', ' : '', h('a', { class: 'mono', href: hashOf('history', id) }, id)]),
      entry.version ? h('div', { class: 'muted' }, t('common.version', { n: entry.version })) : null),
    h('td', {}, h('span', { class: `badge outcome-${entry.outcome.toLowerCase()}` }, t(`audit.outcome.${entry.outcome}`))),
    h('td', { class: 'small' }, entry.detail || '', entry.contentHash
      ? h('div', { class: 'mono muted', title: entry.contentHash }, entry.contentHash.slice(0, 12)) : null));
}

/** The filter, kept in the address so that a filtered trail can be bookmarked and sent. */
function filterForm(ctx, filter) {
  const inputs = {};
  const field = (name, control) => {
    inputs[name] = control;
    return h('div', { class: 'field' }, h('label', { for: `audit-${name}` }, t(`audit.filter.${name}`)), control);
  };
  const text = (name, type = 'text') => h('input', { id: `audit-${name}`, type, value: filter[name] || '', 'data-test': `audit-${name}` });
  const outcome = h('select', { id: 'audit-outcome', 'data-test': 'audit-outcome' },
    h('option', { value: '' }, t('audit.outcome.any')),
    ['DONE', 'REFUSED', 'FAILED'].map((o) => h('option', { value: o }, t(`audit.outcome.${o}`))));
  outcome.value = filter.outcome || '';
  return h('form', {
    class: 'toolbar audit-filter',
    'data-test': 'audit-filter',
    onsubmit: (event) => {
      event.preventDefault();
      const values = Object.fromEntries(FIELDS.map((name) => [name, inputs[name].value.trim()]));
      ctx.navigate(hashOf('history', values.entityId, { ...values, entityId: null }));
    },
  },
  field('entityId', text('entityId')), field('actor', text('actor')), field('operation', text('operation')),
  field('outcome', outcome), field('from', text('from', 'date')), field('to', text('to', 'date')),
  h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'audit-apply' }, t('audit.apply')));
}
