import fc from 'fast-check';
import { expect } from 'vitest';
import type { MatmulSpec } from '../../src/backend/backend.js';

/** A float32 matmul kernel as the cpu backend calls it (the WebAssembly and the native one). */
export interface Float32Kernel {
  matmul(a: Float32Array, b: Float32Array, spec: MatmulSpec, out: Float32Array, bias?: Float32Array): boolean;
}

/** The kernel's result in a fresh array (NaN-filled first, so an output it skips shows). */
export function runKernel(kernel: Float32Kernel, a: Float32Array, b: Float32Array, spec: MatmulSpec, bias?: Float32Array): Float32Array {
  const out = new Float32Array(spec.batch * spec.m * spec.n).fill(Number.NaN);
  expect(kernel.matmul(a, b, spec, out, bias)).toBe(true);
  return out;
}

/** A batch of products to test: sizes, which operands the batch shares, transposes, and a seed for the values. */
export interface ProductShape {
  batch: number;
  m: number;
  k: number;
  n: number;
  aShared: boolean;
  bShared: boolean;
  transA: boolean;
  transB: boolean;
  seed: number;
}

export const productShape = (sizes: fc.Arbitrary<number>): fc.Arbitrary<ProductShape> =>
  fc.record({ batch: fc.integer({ min: 1, max: 3 }), m: sizes, k: sizes, n: sizes, aShared: fc.boolean(), bShared: fc.boolean(), transA: fc.boolean(), transB: fc.boolean(), seed: fc.integer() });

/** The spec of a shape and its operands (and a bias of n values), uniform in [-1, 1) from the shape's seed. */
export function productOperands(s: ProductShape): { spec: MatmulSpec; a: Float32Array; b: Float32Array; bias: Float32Array } {
  const spec: MatmulSpec = { batch: s.batch, m: s.m, k: s.k, n: s.n, aBatchStride: s.aShared ? 0 : s.m * s.k, bBatchStride: s.bShared ? 0 : s.k * s.n, transA: s.transA, transB: s.transB };
  let state = s.seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const a = Float32Array.from({ length: (s.aShared ? 1 : s.batch) * s.m * s.k }, next);
  const b = Float32Array.from({ length: (s.bShared ? 1 : s.batch) * s.k * s.n }, next);
  const bias = Float32Array.from({ length: s.n }, next);
  return { spec, a, b, bias };
}

/** op(A)·op(B) for every product of the batch, summed in float64: the reference the kernels meet. */
export function referenceMatmul(a: Float32Array, b: Float32Array, spec: MatmulSpec): { values: Float64Array; magnitudes: Float64Array } {
  const { batch, m, k, n, transA, transB } = spec;
  const values = new Float64Array(batch * m * n);
  const magnitudes = new Float64Array(batch * m * n);
  for (let t = 0; t < batch; t++) {
    const aOff = t * spec.aBatchStride;
    const bOff = t * spec.bBatchStride;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        let magnitude = 0;
        for (let p = 0; p < k; p++) {
          const product = a[aOff + (transA ? p * m + i : i * k + p)]! * b[bOff + (transB ? j * k + p : p * n + j)]!;
          sum += product;
          magnitude += Math.abs(product);
        }
        values[t * m * n + i * n + j] = sum;
        magnitudes[t * m * n + i * n + j] = magnitude;
      }
    }
  }
  return { values, magnitudes };
}

/**
 * First index where a float32 result leaves the reference by more than the float32 summation
 * bound k·2⁻²⁴·Σ|aᵢbᵢ| (plus one ulp for the final rounding), or where NaN/±Inf differ; -1 if none.
 */
export function firstMismatch(got: Float32Array, ref: { values: Float64Array; magnitudes: Float64Array }, k: number): number {
  for (let i = 0; i < got.length; i++) {
    const want = ref.values[i]!;
    const value = got[i]!;
    if (!Number.isFinite(want) || !Number.isFinite(value)) {
      if (!Object.is(value, want) && !(Number.isNaN(value) && Number.isNaN(want))) return i;
      continue;
    }
    const bound = (k + 1) * 2 ** -24 * ref.magnitudes[i]! + 1e-38;
    if (Math.abs(value - want) > bound) return i;
  }
  return -1;
}
