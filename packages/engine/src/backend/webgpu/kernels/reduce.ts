import type { ReduceOp } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import { contiguousStrides, type Shape } from '../../../tensor/shape.js';
import { IEEE_HELPERS, bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/**
 * One invocation per output element loops over its group (the reduced axes, in row-major
 * order, as the reference). Float sums are compensated (Kahan), so a float32 sum stays within
 * a few ulps of the float64 one the CPU backend computes.
 *
 * params: [nOut, keptCount, reducedCount, keptShape…, keptStrides…, reducedShape…, reducedStrides…]
 */
export function reduceKernel(op: ReduceOp, shape: Shape, axes: readonly number[], dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const strides = contiguousStrides(shape);
  const kept = shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const reduced = [...axes];
  const nOut = kept.reduce((acc, d) => acc * shape[d], 1);
  const params = [
    nOut,
    kept.length,
    reduced.length,
    ...kept.map((d) => shape[d]),
    ...kept.map((d) => strides[d]),
    ...reduced.map((d) => shape[d]),
    ...reduced.map((d) => strides[d]),
  ];
  const isArg = op === 'argmax' || op === 'argmin';
  const outType = isArg ? 'i32' : type;
  return {
    key: `reduce:${op}:${type}`,
    wgsl: () => `${IEEE_HELPERS}
${bindings([['x', type]], outType)}
fn group_size() -> u32 {
  let nk = params[1];
  let nr = params[2];
  var count = 1u;
  for (var d = 0u; d < nr; d++) { count *= params[3u + 2u * nk + d]; }
  return count;
}
/** The input position of element r of the group whose first element is at base. */
fn member(base: u32, r: u32) -> u32 {
  let nk = params[1];
  let nr = params[2];
  var rest = r;
  var at = base;
  for (var d = i32(nr) - 1; d >= 0; d--) {
    let dim = params[3u + 2u * nk + u32(d)];
    at += (rest % dim) * params[3u + 2u * nk + nr + u32(d)];
    rest = rest / dim;
  }
  return at;
}
${elementwiseMain(`
  let nk = params[1];
  var rest = i;
  var base = 0u;
  for (var d = i32(nk) - 1; d >= 0; d--) {
    let dim = params[3u + u32(d)];
    base += (rest % dim) * params[3u + nk + u32(d)];
    rest = rest / dim;
  }
  let count = group_size();
${BODIES[op](type)}`)}`,
    params,
    workgroups: launchFor(nOut),
  };
}

/** The loop of each op: reads x[member(base, r)] for r < count and writes out[i]. */
const BODIES: Record<ReduceOp, (type: 'f32' | 'i32') => string> = {
  sum: (type) =>
    type === 'i32'
      ? `  var total = 0;
  for (var r = 0u; r < count; r++) { total += x[member(base, r)]; }
  out[i] = total;`
      : `  var total = 0.0;
  var carry = 0.0;
  for (var r = 0u; r < count; r++) {
    let y = x[member(base, r)] - carry;
    let t = total + y;
    carry = (t - total) - y;
    total = t;
  }
  out[i] = total;`,
  max: (type) => extremum(type, '>'),
  min: (type) => extremum(type, '<'),
  argmax: (type) => argExtremum(type, '>'),
  argmin: (type) => argExtremum(type, '<'),
};

/** The first NaN wins (it propagates); otherwise the strict extremum. */
function extremum(type: 'f32' | 'i32', better: '>' | '<'): string {
  const nanCheck = type === 'f32' ? `if (is_nan(v)) { best = v; break; }` : '';
  return `  var best = x[member(base, 0u)];
  ${type === 'f32' ? 'if (!is_nan(best)) {' : '{'}
  for (var r = 1u; r < count; r++) {
    let v = x[member(base, r)];
    ${nanCheck}
    if (v ${better} best) { best = v; }
  }
  }
  out[i] = best;`;
}

/** The index along the (single) reduced axis of the first extremum; the first NaN counts as one, as in torch. */
function argExtremum(type: 'f32' | 'i32', better: '>' | '<'): string {
  const nanCheck = type === 'f32' ? `if (is_nan(v)) { index = r; break; }` : '';
  return `  var best = x[member(base, 0u)];
  var index = 0u;
  ${type === 'f32' ? 'if (!is_nan(best)) {' : '{'}
  for (var r = 1u; r < count; r++) {
    let v = x[member(base, r)];
    ${nanCheck}
    if (v ${better} best) { best = v; index = r; }
  }
  }
  out[i] = i32(index);`;
}
