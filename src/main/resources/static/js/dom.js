// Small helpers for building the page: elements, states, levels, numbers and charts.
import { lang, t } from './i18n.js';

/** Creates an element: h('a', {href: '#/', class: 'x', onclick: fn, 'data-test': 'y'}, 'text', child…). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(element.style, value);
    } else if (name in element && typeof value !== 'string' && name !== 'list') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Escapes text for the HTML of chart tooltips. */
export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A loading indicator. */
export function loadingBox() {
  return h('div', { class: 'state state-loading', role: 'status', 'data-test': 'loading' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('state.loading'));
}

/** An error in words, with a retry button when given. */
export function errorBox(error, retry) {
  return h('div', { class: 'state state-error', role: 'alert', 'data-test': 'error' },
    h('strong', {}, t('state.errorTitle')),
    h('p', {}, error && error.message ? error.message : String(error)),
    retry ? h('button', { type: 'button', class: 'button', onclick: retry }, t('state.retry')) : null);
}

/** A friendly empty state. */
export function emptyBox(text) {
  return h('div', { class: 'state state-empty', 'data-test': 'empty' }, text);
}

/** A ratio as a percentage with one decimal, rounded half up on the thousandth: 0.8961 → "89.6%". */
export function pct(ratio) {
  return (Math.round((ratio || 0) * 1000) / 10).toFixed(1) + '%';
}

/** An ISO date-time as a local date and time to the minute; the text as it is when it is not one. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** Rank 1–3 of a proficiency or teaching level. */
export function rank(level) {
  return { AWARE: 1, INTRODUCED: 1, PRACTISED: 2, REINFORCED: 2, MASTERED: 3 }[level] || 0;
}

/** Colours of the three levels: light, medium, dark (the same as the CSS --lv variables). */
export const LEVEL_COLOURS = { 1: '#cfe1f6', 2: '#6ea8dc', 3: '#1d4f91' };

/** Colours of the gap kinds and orphans. */
export const GAP_COLOURS = { NOT_TAUGHT: '#d64545', BELOW_LEVEL: '#e9a23b', orphan: '#8a7fc2', covered: '#2e9e6b' };

/** A level badge coloured by rank. */
export function levelBadge(level) {
  if (!level) {
    return h('span', { class: 'badge badge-none' }, '—');
  }
  return h('span', { class: `badge lv${rank(level)}`, 'data-level': level }, t(`level.${level}`));
}

/** A gap-kind badge. */
export function gapBadge(kind) {
  return h('span', { class: `badge gap-${kind === 'orphan' ? 'orphan' : kind.toLowerCase().replace('_', '-')}` },
    t(`gap.${kind}`));
}

/** A point-kind tag. */
export function kindTag(kind) {
  return h('span', { class: `tag tag-${String(kind).toLowerCase()}` }, t(`kind.${kind}`));
}

/** A labelled select: options are [{value, label}] or {group, options}. */
export function select(label, id, options, value, onchange, testId) {
  const control = h('select', { id, 'data-test': testId, onchange: (event) => onchange(event.target.value) });
  for (const option of options) {
    if (option.group) {
      const group = h('optgroup', { label: option.group });
      option.options.forEach((o) => group.appendChild(h('option', { value: o.value }, o.label)));
      control.appendChild(group);
    } else {
      control.appendChild(h('option', { value: option.value }, option.label));
    }
  }
  control.value = value ?? '';
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** A stat card with a big number. */
export function stat(label, value, detail, testId) {
  return h('div', { class: 'stat' },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value', 'data-test': testId }, value),
    detail ? h('div', { class: 'stat-detail' }, detail) : null);
}

/** A panel with a heading. */
export function panel(title, ...children) {
  return h('section', { class: 'panel' }, title ? h('h2', { class: 'panel-title' }, title) : null, ...children);
}

/**
 * Draws an ECharts chart in a new box, resized with its box; the box says so in words when ECharts is missing.
 * Returns {box, chart}; the view's cleanup disposes the chart.
 */
export function chartBox(ctx, option, { height = 280, label = '' } = {}) {
  const box = h('div', { class: 'chart', style: { height: `${height}px` }, role: 'img', 'aria-label': label });
  if (!window.echarts) {
    box.classList.add('chart-missing');
    box.textContent = t('state.noCharts');
    return { box, chart: null };
  }
  // The chart is created once the box is in the page, so that it knows its size.
  const holder = { box, chart: null };
  let drawn;
  ctx.defer(new Promise((resolve) => { drawn = resolve; }));
  requestAnimationFrame(() => {
    drawn();
    if (!box.isConnected) {
      return;
    }
    holder.chart = window.echarts.init(box, null, { renderer: 'canvas' });
    holder.chart.setOption(option);
    const observer = new ResizeObserver(() => holder.chart && holder.chart.resize());
    observer.observe(box);
    ctx.onCleanup(() => {
      observer.disconnect();
      holder.chart.dispose();
      holder.chart = null;
    });
    if (holder.onReady) {
      holder.onReady(holder.chart);
    }
  });
  return holder;
}

/** The base text style of charts. */
export const CHART_FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
