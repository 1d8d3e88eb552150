import { Tensor } from '@dlcourse/engine';

const MAX_VALUES = 12;

/** A short, readable rendering of a value for a failure message (arrays and tensors abbreviated). */
export function formatValue(value: unknown): string {
  if (value instanceof Tensor) {
    const values = value.toArray();
    return `${formatNumbers(values)} (shape [${value.shape.join(', ')}], ${value.dtype})`;
  }
  if (typeof value === 'number') return formatNumber(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return formatNumbers(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return formatNumbers(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  try {
    const text = JSON.stringify(value, (_k, v) => (v instanceof Tensor ? `tensor(${formatValue(v)})` : v));
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  return abs >= 1e5 || abs < 1e-3 ? v.toExponential(4) : Number(v.toPrecision(6)).toString();
}

function formatNumbers(values: number[]): string {
  const shown = values.slice(0, MAX_VALUES).map(formatNumber).join(', ');
  return `[${shown}${values.length > MAX_VALUES ? `, … (${values.length} values)` : ''}]`;
}

/** "x = …; dY = …" for the inputs of a failing call. */
export function formatInputs(inputs: Record<string, unknown>, indent = 12): string {
  return Object.entries(inputs)
    .map(([name, v]) => `${name} = ${formatValue(v)}`)
    .join(`\n${' '.repeat(indent)}`);
}

/** A flat index as [i, j, …] for a tensor of the given shape. */
export function formatIndex(flat: number, shape: readonly number[]): string {
  if (shape.length <= 1) return String(flat);
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return `[${out.join(', ')}]`;
}
