import type { MatmulSpec } from '../backend.js';
import type { TypedArray } from '../../tensor/dtype.js';

/**
 * C[b] = op(A[b]) · op(B[b]) with a 4×4 register tile: A is packed into 4-row panels and B into
 * 4-column panels laid out along k, so the inner loop reads two contiguous streams and keeps 16
 * sums in locals (in V8 that, not cache blocking, is what pays; see DESIGN "Measuring").
 * Panels are zero-padded to a multiple of 4, so the kernel has no edge cases.
 * Sums are accumulated in float64 whatever the storage dtype.
 */
export function matmulKernel(a: TypedArray, b: TypedArray, spec: MatmulSpec, out: TypedArray): void {
  const { batch, m, k, n } = spec;
  const mPad = (m + 3) & ~3;
  const nPad = (n + 3) & ~3;
  const packedA = new Float64Array(mPad * k);
  const packedB = new Float64Array(nPad * k);
  for (let t = 0; t < batch; t++) {
    packA(a, t * spec.aBatchStride, m, k, spec.transA, packedA);
    packB(b, t * spec.bBatchStride, k, n, spec.transB, packedB);
    kernel(packedA, packedB, m, n, k, out, t * m * n);
  }
}

/** packed[(i/4)·4k + p·4 + i%4] = A[i, p]. */
function packA(a: TypedArray, offset: number, m: number, k: number, trans: boolean, packed: Float64Array): void {
  packed.fill(0);
  const rowStride = trans ? 1 : k;
  const colStride = trans ? m : 1;
  for (let i = 0; i < m; i++) {
    const base = (i >> 2) * 4 * k + (i & 3);
    let src = offset + i * rowStride;
    for (let p = 0; p < k; p++, src += colStride) packed[base + p * 4] = a[src];
  }
}

/** packed[(j/4)·4k + p·4 + j%4] = B[p, j]. */
function packB(b: TypedArray, offset: number, k: number, n: number, trans: boolean, packed: Float64Array): void {
  packed.fill(0);
  const rowStride = trans ? 1 : n;
  const colStride = trans ? k : 1;
  for (let p = 0; p < k; p++) {
    let src = offset + p * rowStride;
    for (let j = 0; j < n; j++, src += colStride) packed[(j >> 2) * 4 * k + p * 4 + (j & 3)] = b[src];
  }
}

function kernel(pa: Float64Array, pb: Float64Array, m: number, n: number, k: number, out: TypedArray, outOffset: number): void {
  for (let i0 = 0; i0 < m; i0 += 4) {
    const aBase = (i0 >> 2) * 4 * k;
    for (let j0 = 0; j0 < n; j0 += 4) {
      const bBase = (j0 >> 2) * 4 * k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, ai = aBase, bi = bBase; p < k; p++, ai += 4, bi += 4) {
        const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
        const b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const rows = Math.min(4, m - i0);
      const cols = Math.min(4, n - j0);
      const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
      for (let r = 0; r < rows; r++) {
        const o = outOffset + (i0 + r) * n + j0;
        for (let c = 0; c < cols; c++) out[o + c] = tile[r * 4 + c];
      }
    }
  }
}
