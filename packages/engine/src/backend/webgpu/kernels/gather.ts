import type { DType } from '../../../tensor/dtype.js';
import { contiguousStrides, type Shape } from '../../../tensor/shape.js';
import { bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/**
 * torch.gather: out[p] = x[p's coordinates with the one along `dim` replaced by index[p]].
 * Indices are checked on the calling thread before the launch (a GPU cannot throw).
 *
 * params: [n, ndim, dim, indexShape…, xStrides…]
 */
export function gatherKernel(xShape: Shape, dim: number, indexShape: Shape, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const n = indexShape.reduce((a, b) => a * b, 1);
  return {
    key: `gather:${type}`,
    wgsl: () => `
${bindings([['x', type], ['index', 'i32']], type)}
${elementwiseMain(`
  let ndim = params[1];
  let dim = params[2];
  var rest = i;
  var at = 0u;
  for (var d = i32(ndim) - 1; d >= 0; d--) {
    let size = params[3u + u32(d)];
    var c = rest % size;
    rest = rest / size;
    if (u32(d) == dim) { c = u32(index[i]); }
    at += c * params[3u + ndim + u32(d)];
  }
  out[i] = x[at];`)}`,
    params: [n, indexShape.length, dim, ...indexShape, ...contiguousStrides(xShape)],
    workgroups: launchFor(n),
  };
}

/**
 * torch.scatter_add into zeros, without float atomics (WGSL has none): each output element
 * walks the index entries that share its coordinates off `dim` and sums the sources that point
 * at it, in index order (the order the CPU adds them).
 *
 * params: [nOut, ndim, dim, outShape…, srcShape…, srcStrides…]
 */
export function scatterAddKernel(outShape: Shape, dim: number, srcShape: Shape, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const n = outShape.reduce((a, b) => a * b, 1);
  const zero = type === 'f32' ? '0.0' : '0';
  return {
    key: `scatter-add:${type}`,
    wgsl: () => `
${bindings([['index', 'i32'], ['src', type]], type)}
${elementwiseMain(`
  let ndim = params[1];
  let dim = params[2];
  var rest = i;
  var first = 0u;
  var wanted = 0;
  var inside = true;
  for (var d = i32(ndim) - 1; d >= 0; d--) {
    let size = params[3u + u32(d)];
    let c = rest % size;
    rest = rest / size;
    if (u32(d) == dim) {
      wanted = i32(c);
    } else {
      // a source exists only where the (possibly smaller) source shape covers this coordinate
      if (c >= params[3u + ndim + u32(d)]) { inside = false; }
      first += c * params[3u + 2u * ndim + u32(d)];
    }
  }
  var total = ${zero};
  if (inside) {
    let along = params[3u + ndim + dim];
    let step = params[3u + 2u * ndim + dim];
    for (var j = 0u; j < along; j++) {
      let at = first + j * step;
      if (index[at] == wanted) { total += src[at]; }
    }
  }
  out[i] = total;`)}`,
    params: [n, outShape.length, dim, ...outShape, ...srcShape, ...contiguousStrides(srcShape)],
    workgroups: launchFor(n),
  };
}
