import type { MatmulSpec } from '../../src/backend/backend.js';

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
