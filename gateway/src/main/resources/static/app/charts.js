// Charts as SVG built in the page (no library, no CDN). Each chart is an image with a title and a
// description for screen readers, and its page shows the same figures as a table next to it.
import { h } from './dom.js';
import { t, formatInstant, formatDate } from './i18n.js';

const PALETTE = ['#1d4f73', '#a3320b', '#2d6a2e', '#6b2d7a', '#7a5a00', '#0b6b6b'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'];
const DAY = 86400000;

function marker(kind, x, y, color, className) {
  switch (kind) {
    case 'square': return h('svg:rect', { x: x - 4, y: y - 4, width: 8, height: 8, fill: color, className });
    case 'triangle': return h('svg:path', { d: `M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z`, fill: color, className });
    case 'diamond': return h('svg:path', { d: `M${x} ${y - 5} L${x + 5} ${y} L${x} ${y + 5} L${x - 5} ${y} Z`, fill: color, className });
    default: return h('svg:circle', { cx: x, cy: y, r: 4, fill: color, className });
  }
}

function svgText(x, y, text, attributes = {}) {
  return h('svg:text', { x, y, ...attributes }, text);
}

/** Marker and colour of the i-th series, shared by chart and legend so they always agree. */
export function seriesStyle(index) {
  return { color: PALETTE[index % PALETTE.length], marker: MARKERS[index % MARKERS.length] };
}

/**
 * The milestone slippage chart: for each milestone its forecast date after every change (x: the
 * changes in time order, y: the date), with its target date as a dashed line in the same colour.
 */
export function slippageChart(milestones, id) {
  const changes = [];
  milestones.forEach((milestone, index) => {
    for (const entry of milestone.history ?? []) {
      if ((entry.kind === 'ADDED' || entry.kind === 'FORECAST') && entry.newDate) {
        changes.push({ index, at: entry.at, date: entry.newDate });
      }
    }
  });
  const dated = milestones.filter(m => m.targetDate || m.forecastDate);
  if (changes.length === 0 && dated.length === 0) {
    return h('p', { className: 'muted' }, t('slip.none'));
  }
  // Every change is a column of its own, in time order: no move is ever hidden behind another.
  const moments = [...new Set(changes.map(c => c.at))].sort();
  const column = at => moments.indexOf(at);
  const dates = [...changes.map(c => Date.parse(c.date)), ...dated.map(m => Date.parse(m.targetDate ?? m.forecastDate))];
  const low = Math.min(...dates) - 15 * DAY;
  const high = Math.max(...dates) + 15 * DAY;
  const width = 760;
  const height = 320;
  const left = 90;
  const right = 30;
  const top = 20;
  const bottom = 70;
  const columns = Math.max(moments.length, 1);
  const x = i => left + (columns === 1 ? (width - left - right) / 2 : i * (width - left - right) / (columns - 1));
  const y = date => top + (high - date) * (height - top - bottom) / (high - low);

  const parts = [];
  // Horizontal grid: the first of every month or quarter, depending on the span.
  const spanMonths = (high - low) / (30 * DAY);
  const step = spanMonths > 36 ? 6 : spanMonths > 12 ? 3 : 1;
  const first = new Date(low);
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); d.getTime() < high;
       d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))) {
    const yy = y(d.getTime());
    parts.push(h('svg:line', { x1: left, x2: width - right, y1: yy, y2: yy, stroke: '#d0d7de' }));
    parts.push(svgText(left - 8, yy + 4, d.toISOString().slice(0, 7), { 'text-anchor': 'end', className: 'axis' }));
  }
  // At most about twelve labelled columns; a date only where it differs from the last label's, the time under each.
  const every = Math.ceil(moments.length / 12);
  let lastDate = null;
  moments.forEach((moment, i) => {
    parts.push(h('svg:line', { x1: x(i), x2: x(i), y1: top, y2: height - bottom, stroke: '#eef1f4' }));
    if (i % every !== 0 && i !== moments.length - 1) {
      return;
    }
    const label = formatInstant(moment);
    if (label.slice(0, 10) !== lastDate) {
      parts.push(svgText(x(i), height - bottom + 16, label.slice(0, 10), { 'text-anchor': 'middle', className: 'axis' }));
      lastDate = label.slice(0, 10);
    }
    parts.push(svgText(x(i), height - bottom + 30, label.slice(11), { 'text-anchor': 'middle', className: 'axis' }));
  });
  parts.push(svgText(left + (width - left - right) / 2, height - 12, t('slip.change'), { 'text-anchor': 'middle', className: 'axis-title' }));

  milestones.forEach((milestone, index) => {
    const style = seriesStyle(index);
    if (milestone.targetDate) {
      const yy = y(Date.parse(milestone.targetDate));
      parts.push(h('svg:line', { x1: left, x2: width - right, y1: yy, y2: yy, stroke: style.color, 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }));
    }
    const own = changes.filter(c => c.index === index).sort((a, b) => a.at.localeCompare(b.at));
    if (own.length === 0) {
      return;
    }
    // A step line: the forecast holds until it is moved, then to the last change.
    const points = [];
    own.forEach((change, i) => {
      const cx = x(column(change.at));
      const cy = y(Date.parse(change.date));
      if (i > 0) {
        points.push([cx, points[points.length - 1][1]]);
      }
      points.push([cx, cy]);
    });
    points.push([x(columns - 1), points[points.length - 1][1]]);
    parts.push(h('svg:polyline', { points: points.map(p => p.join(',')).join(' '), fill: 'none', stroke: style.color, 'stroke-width': 2.5 }));
    own.forEach(change => parts.push(marker(style.marker, x(column(change.at)), y(Date.parse(change.date)), style.color, 'point')));
  });

  return figure(id, width, height, t('slip.title'), t('slip.desc'), parts, milestones.map((milestone, index) => {
        const style = seriesStyle(index);
        return h('li', {}, h('svg:svg', { viewBox: '0 0 24 12', width: 24, height: 12, 'aria-hidden': 'true', focusable: 'false' },
          h('svg:line', { x1: 0, x2: 24, y1: 6, y2: 6, stroke: style.color, 'stroke-width': 2 }), marker(style.marker, 12, 6, style.color)),
        ' ', milestone.name, milestone.targetDate ? ` (${t('ms.target')} ${formatDate(milestone.targetDate)})` : '');
  }));
}

/** Occurrences planned and done per month as paired bars: outlined for planned, filled for done. */
export function completionChart(months, id) {
  const width = 760;
  const height = 260;
  const left = 40;
  const right = 10;
  const top = 16;
  const bottom = 50;
  const most = Math.max(1, ...months.map(m => Math.max(m.planned, m.done)));
  const slot = (width - left - right) / Math.max(months.length, 1);
  const bar = Math.max(3, Math.min(18, slot / 2 - 3));
  const y = value => top + (most - value) * (height - top - bottom) / most;
  const parts = [];
  const ticks = most <= 5 ? most : 5;
  for (let i = 0; i <= ticks; i++) {
    const value = Math.round(most * i / ticks);
    parts.push(h('svg:line', { x1: left, x2: width - right, y1: y(value), y2: y(value), stroke: '#d0d7de' }));
    parts.push(svgText(left - 6, y(value) + 4, String(value), { 'text-anchor': 'end', className: 'axis' }));
  }
  months.forEach((month, i) => {
    const center = left + slot * i + slot / 2;
    parts.push(h('svg:rect', { x: center - bar - 1, y: y(month.planned), width: bar, height: y(0) - y(month.planned), fill: '#ffffff', stroke: '#1d4f73', 'stroke-width': 1.5 }));
    parts.push(h('svg:rect', { x: center + 1, y: y(month.done), width: bar, height: y(0) - y(month.done), fill: '#1d4f73' }));
    if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0) {
      parts.push(svgText(center, height - bottom + 16, month.month, { 'text-anchor': 'middle', className: 'axis' }));
    }
  });
  return figure(id, width, height, t('plan.completion'), t('stat.desc'), parts, [
    h('li', {}, h('svg:svg', { viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true', focusable: 'false' },
      h('svg:rect', { x: 1, y: 1, width: 10, height: 10, fill: '#ffffff', stroke: '#1d4f73', 'stroke-width': 1.5 })), ' ', t('stat.planned')),
    h('li', {}, h('svg:svg', { viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true', focusable: 'false' },
      h('svg:rect', { x: 1, y: 1, width: 10, height: 10, fill: '#1d4f73' })), ' ', t('stat.done'))]);
}

/** A chart as an image with title and description for screen readers, the description as caption and a legend. */
function figure(id, width, height, title, description, parts, legend) {
  return h('figure', { className: 'chart' },
    h('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id },
      h('svg:title', { id: `${id}-title` }, title),
      h('svg:desc', { id: `${id}-desc` }, description),
      ...parts),
    h('figcaption', {}, description, h('ul', { className: 'legend' }, legend)));
}
