// A small DOM builder: every text goes in as a text node, never as HTML, so data cannot inject markup.
import { t } from './i18n.js';

export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'className') {
      element.setAttribute('class', value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
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

/** G/O/R as shape, letter and words: never colour alone (WCAG 1.4.1). */
export function ratingBadge(rating) {
  if (!rating) {
    return h('span', { className: 'rating rating-none' }, t('rating.none'));
  }
  const shape = {
    G: h('svg:circle', { cx: 6, cy: 6, r: 5 }),
    O: h('svg:path', { d: 'M6 1 L11 11 L1 11 Z' }),
    R: h('svg:rect', { x: 1, y: 1, width: 10, height: 10 }),
  }[rating];
  return h('span', { className: `rating rating-${rating}` },
    h('svg:svg', { viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true', focusable: 'false' }, shape),
    ' ', t(`rating.${rating}`));
}

export function section(id, title, ...content) {
  return h('section', { id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...content);
}

/** A table with a caption and header cells; rows are arrays of cells (strings or nodes). */
export function table(caption, headers, rows, options = {}) {
  return h('div', { className: 'table-wrap' },
    h('table', { className: options.className },
      h('caption', { className: options.hideCaption ? 'visually-hidden' : null }, caption),
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, index) =>
        index === 0 && options.rowHeaders ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
}

export function list(items, empty) {
  if (!items || items.length === 0) {
    return h('p', { className: 'muted' }, empty ?? t('plan.empty'));
  }
  return h('ul', {}, items.map(item => h('li', {}, item)));
}

export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // A fresh text node a moment later, so screen readers announce the same message twice if it repeats.
  setTimeout(() => { announcer.textContent = message; }, 50);
}

/** Shows an error in a form's status box and moves focus to it, so it is read out at once. */
export function showError(box, error) {
  box.replaceChildren(errorBox(error));
  box.firstChild.focus();
}

/** A problem+json error as an accessible alert naming each field. */
export function errorBox(error) {
  const problem = error?.problem;
  const fields = problem?.errors ?? [];
  let message;
  if (error?.status === 404) {
    message = t('error.notFound');
  } else if (error?.status === 403) {
    message = t('error.forbidden');
  } else if (error?.status === 0) {
    message = t('error.network');
  } else {
    message = problem?.detail ?? t('error.generic', { status: error?.status ?? '?' });
  }
  return h('div', { className: 'error', role: 'alert', tabindex: '-1' },
    h('p', {}, h('strong', {}, t('error.title')), ': ', message),
    fields.length ? h('ul', {}, fields.map(field => h('li', {}, `${field.field}: ${field.message}`))) : null);
}
