import type { BinaryOp } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import { broadcastStrides, type Shape } from '../../../tensor/shape.js';
import { IEEE_HELPERS, bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/** float32 results of a and b; NaN propagates through maximum/minimum and compares unequal, as on the CPU. */
const FLOAT_BINARY: Record<BinaryOp, string> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'div_f32(a, b)',
  pow: 'pow_f32(a, b)',
  maximum: 'select(max(a, b), nan_f32(), is_nan(a) || is_nan(b))',
  minimum: 'select(min(a, b), nan_f32(), is_nan(a) || is_nan(b))',
  eq: 'select(0.0, 1.0, a == b && !is_nan(a) && !is_nan(b))',
  ne: 'select(0.0, 1.0, a != b || is_nan(a) || is_nan(b))',
  lt: 'select(0.0, 1.0, a < b && !is_nan(a) && !is_nan(b))',
  le: 'select(0.0, 1.0, a <= b && !is_nan(a) && !is_nan(b))',
  gt: 'select(0.0, 1.0, a > b && !is_nan(a) && !is_nan(b))',
  ge: 'select(0.0, 1.0, a >= b && !is_nan(a) && !is_nan(b))',
};

/** int32 results; comparisons are written as 0/1 in the float output dtype the op asked for. */
const INT_BINARY: Record<BinaryOp, string> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'select(0, a / b, b != 0)',
  pow: 'pow_i32(a, b)',
  maximum: 'max(a, b)',
  minimum: 'min(a, b)',
  eq: 'a == b',
  ne: 'a != b',
  lt: 'a < b',
  le: 'a <= b',
  gt: 'a > b',
  ge: 'a >= b',
};

const COMPARISONS: ReadonlySet<BinaryOp> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** WGSL's pow is undefined for a negative base; integer exponents of negative bases are real. */
const POW_HELPERS = `
fn pow_f32(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return 1.0; }
  if (a < 0.0 && b == floor(b)) {
    let m = pow(-a, b);
    return select(m, -m, (abs(b) % 2.0) == 1.0);
  }
  if (a < 0.0) { return nan_f32(); }
  if (a == 0.0) { return select(0.0, inf_f32(), b < 0.0); }
  return pow(a, b);
}
fn pow_i32(a: i32, b: i32) -> i32 {
  var result = 1;
  var base = a;
  var e = b;
  // square-and-multiply; a negative exponent gives 0 except for bases ±1 (as the truncated real power)
  if (e < 0) { return select(select(0, 1, a == 1), select(-1, 1, (-e) % 2 == 0), a == -1); }
  loop {
    if (e == 0) { break; }
    if ((e & 1) == 1) { result = result * base; }
    base = base * base;
    e = e >> 1u;
  }
  return result;
}
`;

/**
 * a ⊕ b with NumPy broadcasting: each invocation unravels its output index and walks both
 * operands' broadcast strides (0 on broadcast dims). params: [n, ndim, outShape…, aStrides…, bStrides…].
 */
export function binaryKernel(op: BinaryOp, aShape: Shape, bShape: Shape, outShape: Shape, inDType: DType, outDType: DType): KernelLaunch {
  const inType = wgslType(inDType);
  const outType = wgslType(outDType);
  let expression = inType === 'f32' ? FLOAT_BINARY[op] : INT_BINARY[op];
  if (COMPARISONS.has(op)) {
    if (inType === 'i32') expression = `select(${outType}(0), ${outType}(1), ${expression})`;
    else if (outType === 'i32') expression = `${outType}(${expression})`;
  } else if (inType !== outType) {
    expression = `${outType}(${expression})`;
  }
  const n = outShape.reduce((x, y) => x * y, 1);
  const ndim = outShape.length;
  const body = `
  var rest = i;
  var ia = 0u;
  var ib = 0u;
  let ndim = params[1];
  for (var d = i32(ndim) - 1; d >= 0; d--) {
    let dim = params[2u + u32(d)];
    let c = rest % dim;
    rest = rest / dim;
    ia += c * params[2u + ndim + u32(d)];
    ib += c * params[2u + 2u * ndim + u32(d)];
  }
  let a = a_in[ia];
  let b = b_in[ib];
  out[i] = ${expression};`;
  return {
    key: `binary:${op}:${inType}:${outType}`,
    wgsl: () => `${IEEE_HELPERS}${POW_HELPERS}
${bindings([['a_in', inType], ['b_in', inType]], outType)}
${elementwiseMain(body)}`,
    params: [n, ndim, ...outShape, ...broadcastStrides(aShape, outShape), ...broadcastStrides(bShape, outShape)],
    workgroups: launchFor(n),
  };
}
