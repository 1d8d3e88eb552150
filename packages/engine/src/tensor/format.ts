import type { Tensor } from './tensor.js';

const EDGE_ITEMS = 3;
const SUMMARY_THRESHOLD = 1000;

/** PyTorch-like printing: tensor([[1.0000, 2.0000], …], dtype=float64, requiresGrad=true). */
export function formatTensor(t: Tensor): string {
  const values = t.toTypedArray();
  const summarise = values.length > SUMMARY_THRESHOLD;
  const isInt = t.dtype === 'int32';
  const allIntegral = !isInt && Array.from(values).every((v) => Number.isInteger(v));
  // One notation for the whole tensor, chosen as torch does: scientific when the magnitudes
  // are very large, very small, or spread over more than three decades.
  const magnitudes = Array.from(values, Math.abs).filter((v) => v !== 0 && Number.isFinite(v));
  const largest = magnitudes.reduce((a, b) => Math.max(a, b), 0);
  const smallest = magnitudes.reduce((a, b) => Math.min(a, b), Infinity);
  const scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1e3;
  const fmt = (v: number): string => {
    if (isInt) return String(v);
    if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
    if (allIntegral && largest < 1e8) return `${v}.`;
    return scientific ? v.toExponential(4) : v.toFixed(4);
  };
  const strides = t.shape.map((_, d) => t.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const build = (dim: number, offset: number, indent: string): string => {
    if (dim === t.ndim) return fmt(values[offset]);
    const n = t.shape[dim];
    const picks: (number | null)[] =
      summarise && n > 2 * EDGE_ITEMS
        ? [...Array.from({ length: EDGE_ITEMS }, (_, i) => i), null, ...Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i)]
        : Array.from({ length: n }, (_, i) => i);
    const parts = picks.map((i) => (i === null ? '...' : build(dim + 1, offset + i * strides[dim], indent + ' ')));
    const sep = dim === t.ndim - 1 ? ', ' : `,\n${indent} `;
    return `[${parts.join(sep)}]`;
  };
  const extras: string[] = [];
  if (t.device !== 'cpu') extras.push(`device='${t.device}'`);
  if (t.dtype !== 'float32') extras.push(`dtype=${t.dtype}`);
  if (t.gradFn) extras.push(`gradFn=<${t.gradFn.name}>`);
  else if (t.requiresGrad) extras.push('requiresGrad=true');
  const body = build(0, 0, '       ');
  return `tensor(${body}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}
