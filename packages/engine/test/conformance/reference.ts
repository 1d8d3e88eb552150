/**
 * The plain-JS float64 reference every backend is compared with: each primitive written as the
 * simplest loop over multi-indices (no strides tricks, no fast paths), so that it is obviously
 * right by reading. Also the tolerance rule and the comparison helper.
 */
import { expect } from 'vitest';
import type { BinaryOp, MatmulSpec, UnaryOp } from '../../src/backend/backend.js';
import type { DType, TypedArray } from '../../src/tensor/dtype.js';

export type Shape = readonly number[];

export interface Arr {
  shape: number[];
  data: number[];
}

// ---- index arithmetic ------------------------------------------------------------------------

export function numel(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The multi-index of flat position `flat` in a row-major array of `shape`. */
export function unravel(flat: number, shape: Shape): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** The flat position of multi-index `idx` in a row-major array of `shape`. */
export function ravel(idx: readonly number[], shape: Shape): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d] + idx[d];
  return flat;
}

/** Values rounded to what a storage of `dtype` holds (float32 rounding, int32 truncation). */
export function roundTo(dtype: DType, values: readonly number[]): number[] {
  if (dtype === 'float32') return values.map(Math.fround);
  if (dtype === 'int32') return values.map((v) => Math.trunc(v) | 0);
  return [...values];
}

export function typed(dtype: DType, values: readonly number[]): TypedArray {
  const out = dtype === 'float32' ? new Float32Array(values.length) : dtype === 'float64' ? new Float64Array(values.length) : new Int32Array(values.length);
  out.set(values);
  return out;
}

// ---- primitives ------------------------------------------------------------------------------

export const REF_UNARY: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  exp: (x) => Math.exp(x),
  log: (x) => Math.log(x),
  sqrt: (x) => Math.sqrt(x),
  abs: (x) => Math.abs(x),
  relu: (x) => (Number.isNaN(x) ? NaN : Math.max(x, 0)),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => Math.tanh(x),
  sign: (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0),
  square: (x) => x * x,
  reciprocal: (x) => 1 / x,
};

const bool = (c: boolean): number => (c ? 1 : 0);

export const REF_BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  // NaN propagates (torch.maximum / torch.minimum)
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  eq: (a, b) => bool(a === b),
  ne: (a, b) => bool(a !== b),
  lt: (a, b) => bool(a < b),
  le: (a, b) => bool(a <= b),
  gt: (a, b) => bool(a > b),
  ge: (a, b) => bool(a >= b),
};

/** NumPy broadcasting of two shapes (throws if incompatible). */
export function broadcastShape(a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da !== db && da !== 1 && db !== 1) throw new Error(`shapes [${a}] and [${b}] do not broadcast`);
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The position in an operand of `shape` that output multi-index `outIdx` reads (broadcasting). */
function broadcastSource(outIdx: readonly number[], shape: Shape): number {
  const lead = outIdx.length - shape.length;
  const idx = shape.map((d, i) => (d === 1 ? 0 : outIdx[lead + i]));
  return ravel(idx, shape);
}

export function refBinary(op: BinaryOp, a: Arr, b: Arr): Arr {
  const shape = broadcastShape(a.shape, b.shape);
  const data: number[] = [];
  for (let o = 0; o < numel(shape); o++) {
    const idx = unravel(o, shape);
    data.push(REF_BINARY[op](a.data[broadcastSource(idx, a.shape)], b.data[broadcastSource(idx, b.shape)]));
  }
  return { shape, data };
}

/** Reduces the given axes; the result keeps them with size 1. Also returns Σ|x| per output (the error scale of a sum). */
export function refReduce(op: 'sum' | 'max' | 'min' | 'argmax' | 'argmin', x: Arr, axes: readonly number[]): Arr & { scale: number[] } {
  const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: numel(shape) }, () => []);
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    const outIdx = idx.map((c, d) => (axes.includes(d) ? 0 : c));
    groups[ravel(outIdx, shape)].push(x.data[i]); // in order along the reduced axes
  }
  const data = groups.map((g) => {
    switch (op) {
      case 'sum':
        return g.reduce((s, v) => s + v, 0);
      case 'max':
        return g.some(Number.isNaN) ? NaN : Math.max(...g);
      case 'min':
        return g.some(Number.isNaN) ? NaN : Math.min(...g);
      case 'argmax':
      case 'argmin': {
        // first index of the extremum (NaN counts as the extremum, as torch)
        let best = 0;
        for (let j = 1; j < g.length; j++) {
          if (Number.isNaN(g[best])) break;
          if (Number.isNaN(g[j]) || (op === 'argmax' ? g[j] > g[best] : g[j] < g[best])) best = j;
        }
        return best;
      }
    }
  });
  const scale = groups.map((g) => g.reduce((s, v) => s + Math.abs(v), 0));
  return { shape, data, scale };
}

/** C[t] = op(A[t])·op(B[t]) by the definition, with the per-element error scale Σ|a||b|. */
export function refMatmul(a: readonly number[], b: readonly number[], spec: MatmulSpec): { data: number[]; scale: number[] } {
  const { batch, m, k, n, aBatchStride, bBatchStride, transA, transB } = spec;
  const A = (t: number, i: number, p: number) => a[t * aBatchStride + (transA ? p * m + i : i * k + p)];
  const B = (t: number, p: number, j: number) => b[t * bBatchStride + (transB ? j * k + p : p * n + j)];
  const data: number[] = [];
  const scale: number[] = [];
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        let abs = 0;
        for (let p = 0; p < k; p++) {
          s += A(t, i, p) * B(t, p, j);
          abs += Math.abs(A(t, i, p) * B(t, p, j));
        }
        data.push(s);
        scale.push(abs);
      }
    }
  }
  return { data, scale };
}

export function refStrided(x: readonly number[], outShape: Shape, strides: readonly number[], offset: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < numel(outShape); o++) {
    const idx = unravel(o, outShape);
    out.push(x[offset + idx.reduce((s, c, d) => s + c * strides[d], 0)]);
  }
  return out;
}

export function refConcat(xs: readonly Arr[], axis: number): Arr {
  const shape = [...xs[0].shape];
  shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
  const data: number[] = [];
  for (let o = 0; o < numel(shape); o++) {
    const idx = unravel(o, shape);
    let c = idx[axis];
    let t = 0;
    while (c >= xs[t].shape[axis]) c -= xs[t++].shape[axis];
    const local = [...idx];
    local[axis] = c;
    data.push(xs[t].data[ravel(local, xs[t].shape)]);
  }
  return { shape, data };
}

/** torch.gather: out[idx] = x[idx with idx[dim] replaced by index[idx]]. */
export function refGather(x: Arr, dim: number, index: Arr): number[] {
  return index.data.map((v, pos) => {
    const idx = unravel(pos, index.shape);
    idx[dim] = v;
    return x.data[ravel(idx, x.shape)];
  });
}

/** torch.index_select: x's slices along dim in the order a 1-D index names them. */
export function refIndexSelect(x: Arr, dim: number, index: readonly number[]): Arr {
  const shape = x.shape.map((d, i) => (i === dim ? index.length : d));
  const data = new Array<number>(numel(shape)).fill(0).map((_, pos) => {
    const idx = unravel(pos, shape);
    idx[dim] = index[idx[dim]];
    return x.data[ravel(idx, x.shape)];
  });
  return { shape, data };
}

/** torch.scatter_add into zeros of outShape. */
export function refScatterAdd(outShape: Shape, dim: number, index: Arr, src: readonly number[]): number[] {
  const out = new Array<number>(numel(outShape)).fill(0);
  index.data.forEach((v, pos) => {
    const idx = unravel(pos, index.shape);
    idx[dim] = v;
    out[ravel(idx, outShape)] += src[pos];
  });
  return out;
}

// ---- comparison ------------------------------------------------------------------------------

/**
 * |actual − expected| ≤ atol + rtol·scale, where scale is |expected| for elementwise results and
 * the sum of the magnitudes of the terms for sums and matmul (a float32 accumulation on another
 * backend is only that accurate; the CPU, which accumulates in float64, is much closer).
 * int32 is exact. NaN must meet NaN; ±∞ must be equal.
 */
export const TOLERANCE: Record<DType, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-6, atol: 1e-6 },
  float64: { rtol: 1e-12, atol: 1e-12 },
  int32: { rtol: 0, atol: 0 },
};

export function mismatches(actual: ArrayLike<number>, expected: readonly number[], dtype: DType, scale?: readonly number[]): string[] {
  const { rtol, atol } = TOLERANCE[dtype];
  const bad: string[] = [];
  if (actual.length !== expected.length) return [`length ${actual.length}, expected ${expected.length}`];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    let ok: boolean;
    if (Number.isNaN(e)) ok = Number.isNaN(a);
    else if (!Number.isFinite(e)) ok = a === e;
    else ok = Number.isFinite(a) && Math.abs(a - e) <= atol + rtol * (scale ? scale[i] : Math.abs(e));
    if (!ok) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  return bad;
}

/** Fails with the first few differing elements and the given context (shapes, op, inputs). */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], dtype: DType, context: string, scale?: readonly number[]): void {
  const bad = mismatches(actual, expected, dtype, scale);
  if (bad.length > 0) {
    const { rtol, atol } = TOLERANCE[dtype];
    expect.fail(`${context}: ${bad.length} of ${expected.length} values differ (${dtype}, rtol ${rtol}, atol ${atol}): ${bad.slice(0, 5).join('; ')}`);
  }
}

/** Short printable summary of an array for failure messages. */
export function show(values: ArrayLike<number>, max = 24): string {
  const list = Array.from(values).slice(0, max);
  return `[${list.join(', ')}${values.length > max ? `, … (${values.length})` : ''}]`;
}

/** Deterministic values in [lo, hi) for fixed-size cases (mulberry32). */
export function seededValues(seed: number, n: number, lo = -1, hi = 1): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296));
  }
  return out;
}
