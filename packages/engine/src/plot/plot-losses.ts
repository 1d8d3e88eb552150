import { cleanSeries, type PlotSeries } from './series.js';
import { buildLineChartSvg } from './svg-chart.js';
import { writePlot, type WrittenPlot } from './write-plot.js';

export interface PlotLossesOptions {
  /** Where to write: 'x.png' writes x.png and x.svg; 'x.svg' writes only the SVG. */
  path: string;
  title?: string;
  /** Default 'epoch'. */
  xLabel?: string;
  /** Default 'loss'. */
  yLabel?: string;
  /** A log10 y axis (values ≤ 0 cannot be drawn on it and are left out). Default false. */
  logY?: boolean;
  /** Picture size in SVG pixels (default 800×480). */
  width?: number;
  height?: number;
  /** PNG pixels per SVG pixel (default 1: the PNG is width×height). */
  scale?: number;
  /**
   * Receives the note about values that were left out (NaN, ±Infinity, or ≤ 0 with logY).
   * Default: console.warn.
   */
  onWarning?: (message: string) => void;
}

export interface PlotLossesResult extends WrittenPlot {
  /** The SVG text that was written. */
  svg: string;
  width: number;
  height: number;
  /** Per series, how many values were drawn and how many left out. */
  series: { name: string; drawn: number; skipped: number }[];
}

/**
 * Draws loss curves — one line per series, values at x = 1, 2, … — and writes them as SVG, and
 * as PNG when `path` ends in .png:
 *
 *   await plotLosses([{ name: 'train', values: trainLosses }, { name: 'val', values: valLosses }],
 *                    { path: 'losses.png', title: 'notMNIST MLP' });
 *   await plotLosses(result.losses, { path: 'losses.svg', logY: true });   // one unnamed series
 *
 * NaN and infinite values (a diverged run) are left out of their line, and a warning says how
 * many; an empty list, an empty series, or a series with no finite value is an error.
 */
export async function plotLosses(
  series: readonly PlotSeries[] | readonly number[] | Float32Array | Float64Array,
  options: PlotLossesOptions,
): Promise<PlotLossesResult> {
  const { svg, width, height, series: summary } = buildLossesSvg(series, options);
  const written = await writePlot(svg, options.path, options.scale ?? 1);
  return { ...written, svg, width, height, series: summary };
}

/** The SVG of {@link plotLosses}, without writing anything. */
export function buildLossesSvg(
  series: readonly PlotSeries[] | readonly number[] | Float32Array | Float64Array,
  options: Omit<PlotLossesOptions, 'path' | 'scale'> = {},
): { svg: string; width: number; height: number; series: PlotLossesResult['series'] } {
  if (options === null || typeof options !== 'object') throw new TypeError('plotLosses: options must be an object with a path.');
  const width = options.width ?? 800;
  const height = options.height ?? 480;
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v <= 0 || v > 10_000) throw new RangeError(`plotLosses: ${name} must be an integer in 1 … 10000, got ${v}.`);
  }
  const logY = options.logY ?? false;
  const clean = cleanSeries(series, { logY, defaultName: options.yLabel ?? 'loss', who: 'plotLosses' });
  const left = clean.filter((s) => s.skipped > 0);
  if (left.length > 0) {
    const why = logY ? 'NaN, infinite or ≤ 0 on the log axis' : 'NaN or infinite';
    const what = left.map((s) => `${s.skipped} of '${s.name}'`).join(', ');
    (options.onWarning ?? console.warn)(`plotLosses: left out ${what} (${why}); the line joins the remaining points.`);
  }
  const svg = buildLineChartSvg(clean, {
    title: options.title,
    xLabel: options.xLabel ?? 'epoch',
    yLabel: options.yLabel ?? 'loss',
    logY,
    width,
    height,
  });
  return { svg, width, height, series: clean.map((s) => ({ name: s.name, drawn: s.points.length, skipped: s.skipped })) };
}
