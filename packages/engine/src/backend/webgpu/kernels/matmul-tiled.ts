import type { MatmulSpec } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import { bindings, wgslType, type KernelLaunch } from './kernel.js';

/** Output tile per workgroup edge, and the K step staged in workgroup memory. */
const TILE = 32;
/** Each invocation computes a PER×PER block of the tile (register tiling). */
const PER = 2;
const THREADS = TILE / PER;

/**
 * C[t] = op(A[t])·op(B[t]) for GPUs, tiled: a workgroup stages TILE×TILE blocks of A and B in workgroup
 * memory, then each invocation accumulates a PER×PER block of C from them. transA/transB only
 * change how the blocks are loaded; batch strides of 0 share an operand across the batch.
 *
 * params: [m, k, n, aBatchStride, bBatchStride, transA, transB]
 */
export function matmulTiledKernel(spec: MatmulSpec, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const zero = type === 'f32' ? '0.0' : '0';
  return {
    key: `matmul-tiled:${type}`,
    wgsl: () => `
${bindings([['a', type], ['b', type]], type)}
var<workgroup> tile_a: array<array<${type}, ${TILE}>, ${TILE}>;
var<workgroup> tile_b: array<array<${type}, ${TILE}>, ${TILE}>;

fn load_a(t: u32, row: u32, col: u32) -> ${type} {
  let m = params[0]; let k = params[1];
  if (row >= m || col >= k) { return ${zero}; }
  let at = t * params[3] + select(row * k + col, col * m + row, params[5] == 1u);
  return a[at];
}
fn load_b(t: u32, row: u32, col: u32) -> ${type} {
  let k = params[1]; let n = params[2];
  if (row >= k || col >= n) { return ${zero}; }
  let at = t * params[4] + select(row * n + col, col * k + row, params[6] == 1u);
  return b[at];
}

@compute @workgroup_size(${THREADS}, ${THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let m = params[0]; let k = params[1]; let n = params[2];
  let t = wid.z;
  let row0 = wid.y * ${TILE}u;
  let col0 = wid.x * ${TILE}u;
  var acc: array<array<${type}, ${PER}>, ${PER}>;
  for (var p0 = 0u; p0 < k; p0 += ${TILE}u) {
    // ${THREADS}×${THREADS} invocations load the ${TILE}×${TILE} blocks, ${PER * PER} elements each
    for (var r = 0u; r < ${PER}u; r++) {
      for (var c = 0u; c < ${PER}u; c++) {
        let lr = lid.y * ${PER}u + r;
        let lc = lid.x * ${PER}u + c;
        tile_a[lr][lc] = load_a(t, row0 + lr, p0 + lc);
        tile_b[lr][lc] = load_b(t, p0 + lr, col0 + lc);
      }
    }
    workgroupBarrier();
    for (var p = 0u; p < ${TILE}u; p++) {
      var av: array<${type}, ${PER}>;
      var bv: array<${type}, ${PER}>;
      for (var r = 0u; r < ${PER}u; r++) { av[r] = tile_a[lid.y * ${PER}u + r][p]; }
      for (var c = 0u; c < ${PER}u; c++) { bv[c] = tile_b[p][lid.x * ${PER}u + c]; }
      for (var r = 0u; r < ${PER}u; r++) {
        for (var c = 0u; c < ${PER}u; c++) { acc[r][c] += av[r] * bv[c]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < ${PER}u; r++) {
    for (var c = 0u; c < ${PER}u; c++) {
      let row = row0 + lid.y * ${PER}u + r;
      let col = col0 + lid.x * ${PER}u + c;
      if (row < m && col < n) { out[t * m * n + row * n + col] = acc[r][c]; }
    }
  }
}`,
    params: [spec.m, spec.k, spec.n, spec.aBatchStride, spec.bBatchStride, spec.transA ? 1 : 0, spec.transB ? 1 : 0],
    workgroups: [Math.ceil(spec.n / TILE), Math.ceil(spec.m / TILE), spec.batch],
  };
}
