import type { CleanSeries } from './series.js';
import { formatTick, linearTicks, logTicks, niceStep } from './ticks.js';

export interface ChartOptions {
  title?: string;
  xLabel: string;
  yLabel: string;
  logY: boolean;
  /** Size of the picture in SVG pixels (= PNG pixels at scale 1). */
  width: number;
  height: number;
}

/** Matplotlib's default colours (tab10), in order; more series than ten reuse them. */
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
/** Series with at most this many points get a dot on every point. */
const MARKERS_UP_TO = 60;

/**
 * A line chart as an SVG document: white background, optional title, axes with ticks, tick labels
 * and light grid lines, axis labels, one <polyline> per series (class "series", data-name), and a
 * legend in the top-right corner. Values are drawn at x = 1, 2, … (epochs or steps).
 */
export function buildLineChartSvg(series: readonly CleanSeries[], options: ChartOptions): string {
  const { width, height, logY } = options;
  const margin = { left: 78, right: 24, top: options.title ? 44 : 20, bottom: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  if (plotW < 50 || plotH < 50) throw new RangeError(`plot: ${width}×${height} is too small for a chart (at least 152×126).`);

  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xMax = Math.max(...xs);
  const [xlo, xhi] = xMax <= 1 ? [0, 2] : [1, xMax];
  const xStep = Math.max(1, Math.round(niceStep(xhi - xlo, 10)));
  const xTicks: number[] = [];
  for (let t = Math.ceil(xlo / xStep) * xStep; t <= xhi; t += xStep) if (t >= xlo) xTicks.push(t);
  if (xTicks.length === 0 || xTicks[0] !== xlo) xTicks.unshift(xlo);
  if (xStep > 1 && xTicks.length > 1 && xTicks[1] - xTicks[0] < xStep / 2) xTicks.splice(1, 1);

  const yMin = Math.min(...ys);
  const yMax = Math.max(...ys);
  // A linear axis gets a 4% margin, so that no point sits on an axis (not below 0 for positive data).
  const pad = (yMax - yMin) * 0.04;
  const yAxis = logY ? logTicks(yMin, yMax) : linearTicks(yMin >= 0 ? Math.max(0, yMin - pad) : yMin - pad, yMax + pad, 6);
  const yStep = yAxis.ticks.length > 1 ? yAxis.ticks[1] - yAxis.ticks[0] : undefined;
  const toY = logY ? (v: number) => Math.log10(v) : (v: number) => v;
  const [ylo, yhi] = [toY(yAxis.lo), toY(yAxis.hi)];

  const px = (x: number) => margin.left + ((x - xlo) / (xhi - xlo)) * plotW;
  const py = (y: number) => margin.top + plotH - ((toY(y) - ylo) / (yhi - ylo)) * plotH;
  const f = (v: number) => v.toFixed(2);

  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="13">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (options.title) {
    out.push(`<text class="title" x="${f(margin.left + plotW / 2)}" y="28" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(options.title)}</text>`);
  }

  // Grid and ticks.
  out.push(`<g class="grid" stroke="#e5e5e5" stroke-width="1">`);
  for (const t of xTicks) out.push(`<line x1="${f(px(t))}" y1="${margin.top}" x2="${f(px(t))}" y2="${margin.top + plotH}"/>`);
  for (const t of yAxis.ticks) out.push(`<line x1="${margin.left}" y1="${f(py(t))}" x2="${margin.left + plotW}" y2="${f(py(t))}"/>`);
  out.push(`</g>`);
  out.push(`<g class="x-ticks" font-size="12" text-anchor="middle">`);
  for (const t of xTicks) {
    out.push(
      `<line x1="${f(px(t))}" y1="${margin.top + plotH}" x2="${f(px(t))}" y2="${margin.top + plotH + 5}" stroke="#333333"/>`,
      `<text x="${f(px(t))}" y="${margin.top + plotH + 19}">${t}</text>`,
    );
  }
  out.push(`</g>`, `<g class="y-ticks" font-size="12" text-anchor="end">`);
  for (const t of yAxis.ticks) {
    out.push(
      `<line x1="${margin.left - 5}" y1="${f(py(t))}" x2="${margin.left}" y2="${f(py(t))}" stroke="#333333"/>`,
      `<text x="${margin.left - 8}" y="${f(py(t) + 4)}">${escapeXml(formatTick(t, logY ? undefined : yStep))}</text>`,
    );
  }
  out.push(`</g>`);

  // Axes and their labels.
  out.push(
    `<g class="axes" stroke="#333333" stroke-width="1.2">`,
    `<line x1="${margin.left}" y1="${margin.top + plotH}" x2="${margin.left + plotW}" y2="${margin.top + plotH}"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotH}"/>`,
    `</g>`,
    `<text class="x-label" x="${f(margin.left + plotW / 2)}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text class="y-label" x="18" y="${f(margin.top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 18 ${f(margin.top + plotH / 2)})">${escapeXml(
      options.yLabel + (logY ? ' (log scale)' : ''),
    )}</text>`,
  );

  // The curves.
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = s.points.map((p) => `${f(px(p.x))},${f(py(p.y))}`).join(' ');
    out.push(
      `<polyline class="series" data-name="${escapeXml(s.name)}" points="${points}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
    if (s.points.length <= MARKERS_UP_TO) {
      out.push(`<g class="markers" fill="${colour}">`);
      for (const p of s.points) out.push(`<circle cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="3"/>`);
      out.push(`</g>`);
    }
  });

  // Legend, top right inside the plot.
  const rowH = 20;
  const longest = Math.max(...series.map((s) => s.name.length));
  const boxW = Math.min(plotW - 8, 44 + longest * 7.5);
  const boxH = 10 + rowH * series.length;
  const bx = margin.left + plotW - boxW - 8;
  const by = margin.top + 8;
  out.push(
    `<g class="legend">`,
    `<rect x="${f(bx)}" y="${by}" width="${f(boxW)}" height="${boxH}" fill="#ffffff" fill-opacity="0.9" stroke="#cccccc"/>`,
  );
  series.forEach((s, i) => {
    const y = by + 5 + rowH * i + rowH / 2;
    out.push(
      `<line x1="${f(bx + 8)}" y1="${f(y)}" x2="${f(bx + 32)}" y2="${f(y)}" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2.5"/>`,
      `<text x="${f(bx + 38)}" y="${f(y + 4.5)}">${escapeXml(s.name)}</text>`,
    );
  });
  out.push(`</g>`, `</svg>`, '');
  return out.join('\n');
}

/** Text and attribute values inside SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
