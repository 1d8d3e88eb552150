/** One named curve: values[i] is drawn at x = i + 1 (epoch or step i + 1). */
export interface PlotSeries {
  name: string;
  values: readonly number[] | Float32Array | Float64Array;
}

/** A curve ready to draw: only the points that can be drawn, with their x. */
export interface CleanSeries {
  name: string;
  points: { x: number; y: number }[];
  /** How many values were left out (NaN, ±Infinity, or ≤ 0 on a log axis). */
  skipped: number;
}

/**
 * Checks and cleans the input of a plot: a bare array is one series named `defaultName`.
 * Non-finite values (a diverged loss is NaN or Infinity), and values ≤ 0 on a log axis, are left out
 * and counted; an empty list, an empty series, or a series with nothing drawable is an error.
 */
export function cleanSeries(
  input: readonly PlotSeries[] | readonly number[] | Float32Array | Float64Array,
  options: { logY?: boolean; defaultName?: string; who?: string } = {},
): CleanSeries[] {
  const who = options.who ?? 'plot';
  if (input === null || typeof input !== 'object' || typeof input.length !== 'number') {
    throw new TypeError(`${who}: expected number[] or { name, values }[], got ${input === null ? 'null' : typeof input}.`);
  }
  if (input.length === 0) throw new Error(`${who}: no series to plot (got an empty list).`);
  const list: PlotSeries[] = isNumberArray(input)
    ? [{ name: options.defaultName ?? 'loss', values: input }]
    : [...(input as readonly PlotSeries[])];
  return list.map((series, index) => {
    if (series === null || typeof series !== 'object' || !isNumberArray(series.values)) {
      throw new TypeError(`${who}: series ${index} must be { name: string, values: number[] }.`);
    }
    const name = typeof series.name === 'string' && series.name !== '' ? series.name : `series ${index + 1}`;
    if (series.values.length === 0) throw new Error(`${who}: series '${name}' has no values.`);
    const points: { x: number; y: number }[] = [];
    let skipped = 0;
    for (let i = 0; i < series.values.length; i++) {
      const y = series.values[i];
      if (typeof y !== 'number' || !Number.isFinite(y) || (options.logY === true && y <= 0)) skipped++;
      else points.push({ x: i + 1, y });
    }
    if (points.length === 0) {
      const why = options.logY === true ? 'NaN, infinite or ≤ 0 (log scale)' : 'NaN or infinite';
      throw new Error(`${who}: series '${name}' has no value that can be drawn: all ${series.values.length} are ${why}.`);
    }
    return { name, points, skipped };
  });
}

function isNumberArray(value: unknown): value is readonly number[] | Float32Array | Float64Array {
  if (value instanceof Float32Array || value instanceof Float64Array) return true;
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}
