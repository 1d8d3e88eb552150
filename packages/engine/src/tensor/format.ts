import type { Tensor } from './tensor.js';

const EDGE_ITEMS = 3;
const SUMMARY_THRESHOLD = 1000;

/** PyTorch-like printing: tensor([[1.0000, 2.0000], …], dtype=float64, requiresGrad=true). */
export function formatTensor(t: Tensor): string {
  const values = t.toTypedArray();
  const summarise = values.length > SUMMARY_THRESHOLD;
  const isInt = t.dtype === 'int32';
  // Fix (tests: test/tensor/tensor-methods.test.ts): only finite values decide (torch's int_mode), so
  // tensor([nan, 1, 2]) prints as [nan, 1., 2.] like torch, not [nan, 1.0000, 2.0000].
  const allIntegral = !isInt && Array.from(values).every((v) => !Number.isFinite(v) || Number.isInteger(v));
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
    return scientific ? exponential(v) : v.toFixed(4);
  };
  const strides = t.shape.map((_, d) => t.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  // Fix (tests: test/tensor/tensor-methods.test.ts): like torch, every shown value is right-aligned to
  // the widest one, so the columns of a matrix line up ([[ 1.5000, -2.0000], [-3.0000,  4.0000]]).
  // A first pass measures the finite values that will be shown (torch ignores nan/inf for the
  // width, so tensor([nan, 1., 2.]) stays unpadded); the second pads them.
  let width = 0;
  const measure = (v: number): string => {
    if (Number.isFinite(v)) width = Math.max(width, fmt(v).length);
    return '';
  };
  const padded = (v: number): string => fmt(v).padStart(width);
  const build = (dim: number, offset: number, indent: string, cell: (v: number) => string): string => {
    if (dim === t.ndim) return cell(values[offset]);
    const n = t.shape[dim];
    const picks: (number | null)[] =
      summarise && n > 2 * EDGE_ITEMS
        ? [...Array.from({ length: EDGE_ITEMS }, (_, i) => i), null, ...Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i)]
        : Array.from({ length: n }, (_, i) => i);
    const parts = picks.map((i) => (i === null ? '...' : build(dim + 1, offset + i * strides[dim], indent + ' ', cell)));
    // Like torch, blocks of 3-d and higher tensors are separated by blank lines (one per extra dim).
    const sep = dim === t.ndim - 1 ? ', ' : `,${'\n'.repeat(t.ndim - dim - 1)}${indent} `;
    return `[${parts.join(sep)}]`;
  };
  const extras: string[] = [];
  if (t.device !== 'cpu') extras.push(`device='${t.device}'`);
  if (t.dtype !== 'float32') extras.push(`dtype=${t.dtype}`);
  if (t.gradFn) extras.push(`gradFn=<${t.gradFn.name}>`);
  else if (t.requiresGrad) extras.push('requiresGrad=true');
  build(0, 0, '       ', measure);
  const body = build(0, 0, '       ', padded);
  return `tensor(${body}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}

/**
 * Fix (tests: test/tensor/tensor-methods.test.ts): torch writes at least two exponent digits
 * (1.0000e-05, 1.0000e+00); JS's toExponential writes 1.0000e-5.
 */
function exponential(v: number): string {
  return v.toExponential(4).replace(/e([+-])(\d)$/, (_, sign: string, digit: string) => `e${sign}0${digit}`);
}
