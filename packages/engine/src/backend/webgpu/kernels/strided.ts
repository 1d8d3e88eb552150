import type { DType } from '../../../tensor/dtype.js';
import type { Shape } from '../../../tensor/shape.js';
import { bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/**
 * Materialises a strided view: out[i…] = x[offset + Σ i_d·strides_d] (transpose, permute,
 * expand with stride 0, slices). params: [n, ndim, offset, outShape…, strides…]
 */
export function stridedKernel(outShape: Shape, strides: readonly number[], offset: number, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const n = outShape.reduce((a, b) => a * b, 1);
  return {
    key: `strided:${type}`,
    wgsl: () => `
${bindings([['x', type]], type)}
${elementwiseMain(`
  let ndim = params[1];
  var rest = i;
  var at = params[2];
  for (var d = i32(ndim) - 1; d >= 0; d--) {
    let dim = params[3u + u32(d)];
    at += (rest % dim) * params[3u + ndim + u32(d)];
    rest = rest / dim;
  }
  out[i] = x[at];`)}`,
    params: [n, outShape.length, offset, ...outShape, ...strides],
    workgroups: launchFor(n),
  };
}
