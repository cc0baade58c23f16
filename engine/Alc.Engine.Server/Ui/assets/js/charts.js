// SVG charts for the dashboard: a line chart (points against x) and a bar chart (values by category).
// Every mark carries data-* attributes and a <title>, so the numbers are readable by tests and screen readers.

const NS = 'http://www.w3.org/2000/svg';
const W = 420, H = 220, M = { left: 48, right: 12, top: 12, bottom: 36 };
export const PALETTE = ['#1a5fb4', '#c64600', '#26734d', '#813d9c', '#8a6d00'];

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function frame(label) {
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart' });
}

function axes(root, xLabel, yLabel, yMax, yTicks) {
  const plotH = H - M.top - M.bottom;
  root.append(svg('line', { x1: M.left, y1: H - M.bottom, x2: W - M.right, y2: H - M.bottom, class: 'axis' }));
  root.append(svg('line', { x1: M.left, y1: M.top, x2: M.left, y2: H - M.bottom, class: 'axis' }));
  for (const tick of yTicks) {
    const y = H - M.bottom - (tick / yMax) * plotH;
    root.append(svg('line', { x1: M.left, y1: y, x2: W - M.right, y2: y, class: 'grid' }));
    root.append(svg('text', { x: M.left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, formatTick(tick)));
  }
  root.append(svg('text', { x: (M.left + W - M.right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'label' }, xLabel));
  root.append(svg('text', { x: 12, y: M.top + plotH / 2, transform: `rotate(-90 12 ${M.top + plotH / 2})`, 'text-anchor': 'middle', class: 'label' }, yLabel));
}

function formatTick(value) {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(+value.toFixed(2));
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map(m => m * power).find(m => m >= value);
}

/** Lines of points `{x, y, round}` per series `{name, points}`; y from 0 to `yMax` (default: from the data). */
export function lineChart({ label, xLabel, yLabel, series, yMax }) {
  const root = frame(label);
  const all = series.flatMap(s => s.points);
  const top = yMax ?? niceMax(Math.max(0, ...all.map(p => p.y)));
  const xMax = niceMax(Math.max(1, ...all.map(p => p.x)));
  axes(root, xLabel, yLabel, top, [0, top / 4, top / 2, (3 * top) / 4, top]);
  const px = x => M.left + (x / xMax) * (W - M.left - M.right);
  const py = y => H - M.bottom - (y / top) * (H - M.top - M.bottom);
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const group = svg('g', { class: 'series', 'data-series': s.name });
    if (s.points.length > 1) {
      group.append(svg('polyline', { points: s.points.map(p => `${px(p.x)},${py(p.y)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    }
    for (const p of s.points) {
      const dot = svg('circle', { cx: px(p.x), cy: py(p.y), r: 4, fill: color, class: 'point', 'data-round': p.round, 'data-x': p.x, 'data-y': p.y });
      dot.append(svg('title', {}, `${s.name}, round ${p.round}: ${p.y.toFixed(3)} at ${p.x} clicks`));
      group.append(dot);
    }
    root.append(group);
  });
  return withLegend(root, series.map(s => s.name));
}

/** Bars `{category, value}`. */
export function barChart({ label, xLabel, yLabel, bars }) {
  const root = frame(label);
  const top = niceMax(Math.max(0, ...bars.map(b => b.value)));
  axes(root, xLabel, yLabel, top, [0, top / 2, top]);
  const slot = (W - M.left - M.right) / Math.max(bars.length, 1);
  bars.forEach((b, i) => {
    const height = (b.value / top) * (H - M.top - M.bottom);
    const x = M.left + i * slot + slot * 0.15;
    const bar = svg('rect', { x, y: H - M.bottom - height, width: slot * 0.7, height, fill: b.color || PALETTE[0], class: 'bar', 'data-category': b.category, 'data-value': b.value });
    bar.append(svg('title', {}, `${b.category}: ${b.value}`));
    root.append(bar);
    root.append(svg('text', { x: x + slot * 0.35, y: H - M.bottom + 14, 'text-anchor': 'middle', class: 'tick' }, String(b.category)));
  });
  return withLegend(root, []);
}

function withLegend(chart, names) {
  const figure = document.createElement('div');
  figure.className = 'chart-box';
  figure.append(chart);
  if (names.length > 1) {
    const legend = document.createElement('ul');
    legend.className = 'legend';
    names.forEach((name, i) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = PALETTE[i % PALETTE.length];
      item.append(swatch, name);
      legend.append(item);
    });
    figure.append(legend);
  }
  return figure;
}
