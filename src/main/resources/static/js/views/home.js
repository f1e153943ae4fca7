// Overview: what the page offers, and each programme's coverage of its own target jobs.
import { gql } from '../api.js';
import { h, panel, pct, stat } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';

const OVERVIEW = `{
  jobs(first: 1) { totalCount }
  programmes(first: 100) { totalCount edges { node { id code name nameEn school { name nameEn }
    targetJobs { id } coverage { overall { required covered ratio weightedRatio } } } } }
}`;

const VIEWS = [
  ['job', '⟡'], ['programme', '◎'], ['matrix', '▦'], ['trace', '⇄'], ['search', '⌕'], ['submit', '⇪'],
];

export async function render() {
  const data = await gql(OVERVIEW);
  const programmes = data.programmes.edges.map((edge) => edge.node);
  return h('div', { class: 'page' },
    h('header', { class: 'page-head' },
      h('h1', {}, t('home.title')),
      h('p', { class: 'lead' }, t('home.lead'))),
    h('div', { class: 'stats' },
      stat(t('home.jobs'), String(data.jobs.totalCount), null, 'home-jobs'),
      stat(t('home.programmes'), String(data.programmes.totalCount), null, 'home-programmes')),
    h('div', { class: 'tiles' }, VIEWS.map(([name, icon]) => h('a', { class: 'tile', href: `#/${name}` },
      h('span', { class: 'tile-icon', 'aria-hidden': 'true' }, icon),
      h('span', { class: 'tile-title' }, t(`nav.${name}`)),
      h('span', { class: 'tile-text' }, t(`home.view.${name}`))))),
    panel(t('home.programmeTable'), h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('prog.pick')), h('th', { scope: 'col' }, t('prog.school')),
        h('th', { scope: 'col', class: 'num' }, t('prog.required')), h('th', { scope: 'col', class: 'num' }, t('prog.covered')),
        h('th', { scope: 'col', class: 'num' }, t('prog.overall')), h('th', { scope: 'col', class: 'num' }, t('prog.weighted')),
        h('th', { scope: 'col' }, ''))),
      h('tbody', {}, programmes.map((p) => h('tr', {},
        h('td', {}, h('a', { href: hashOf('programme', p.id) }, nm(p)), h('span', { class: 'muted small' }, ` ${p.code || ''}`)),
        h('td', {}, nm(p.school)),
        h('td', { class: 'num' }, String(p.coverage.overall.required)),
        h('td', { class: 'num' }, String(p.coverage.overall.covered)),
        h('td', { class: 'num' }, h('span', { class: 'meter' }, h('span', { class: 'meter-bar', style: { width: pct(p.coverage.overall.ratio) } })), pct(p.coverage.overall.ratio)),
        h('td', { class: 'num' }, pct(p.coverage.overall.weightedRatio)),
        h('td', {}, h('a', { href: hashOf('matrix', p.id) }, t('nav.matrix'))))))))));
}
