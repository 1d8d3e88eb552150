import type { MatmulSpec } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import { bindings, wgslType, type KernelLaunch } from './kernel.js';

/** Rows of C per invocation (kept in registers, sharing each loaded element of B). */
const ROWS = 4;
const GROUP = 8;

/**
 * C[t] = op(A[t])·op(B[t]) for software adapters (SwiftShader, llvmpipe): no workgroup memory,
 * because their workgroup barriers switch coroutines per invocation and cost more than the
 * loads they save (measured: the tiled kernel is several times slower there). Each invocation
 * computes ROWS rows of one column of C straight from global memory.
 *
 * params: [m, k, n, aBatchStride, bBatchStride, transA, transB]
 */
export function matmulDirectKernel(spec: MatmulSpec, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const zero = type === 'f32' ? '0.0' : '0';
  const rows = [...Array(ROWS).keys()];
  return {
    key: `matmul-direct:${type}`,
    wgsl: () => `
${bindings([['a', type], ['b', type]], type)}
@compute @workgroup_size(${GROUP}, ${GROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let m = params[0]; let k = params[1]; let n = params[2];
  let t = gid.z;
  let row0 = gid.y * ${ROWS}u;
  let col = gid.x;
  if (row0 >= m || col >= n) { return; }
  // element (i, p) of op(A) is at a_row·i + a_step·p; element (p, j) of op(B) at b_col·j + b_step·p
  let a_row = select(k, 1u, params[5] == 1u);
  let a_step = select(1u, m, params[5] == 1u);
  let b_col = select(1u, k, params[6] == 1u);
  let b_step = select(n, 1u, params[6] == 1u);
${rows.map((r) => `  var acc${r} = ${zero};\n  let a${r} = t * params[3] + min(row0 + ${r}u, m - 1u) * a_row;`).join('\n')}
  let b0 = t * params[4] + col * b_col;
  for (var p = 0u; p < k; p++) {
    let bv = b[b0 + p * b_step];
${rows.map((r) => `    acc${r} += a[a${r} + p * a_step] * bv;`).join('\n')}
  }
${rows.map((r) => `  if (row0 + ${r}u < m) { out[t * m * n + (row0 + ${r}u) * n + col] = acc${r}; }`).join('\n')}
}`,
    params: [spec.m, spec.k, spec.n, spec.aBatchStride, spec.bBatchStride, spec.transA ? 1 : 0, spec.transB ? 1 : 0],
    workgroups: [Math.ceil(spec.n / GROUP), Math.ceil(spec.m / (GROUP * ROWS)), spec.batch],
  };
}
