import type { UnaryOp } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import { IEEE_HELPERS, bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/** float32 bodies: `x` in, an f32 expression out. NaN passes through every op, as on the CPU. */
const FLOAT_UNARY: Record<UnaryOp, string> = {
  neg: '-x',
  exp: 'select(exp(x), x, is_nan(x))',
  log: 'log_f32(x)',
  sqrt: 'sqrt(x)',
  abs: 'abs(x)',
  relu: 'select(0.0, x, x > 0.0 || is_nan(x))',
  // the stable form: exp of a non-positive number only, so no overflow for large |x|
  sigmoid: 'select(exp(x) / (1.0 + exp(x)), 1.0 / (1.0 + exp(-x)), x >= 0.0)',
  tanh: 'tanh_stable(x)',
  sign: 'sign_f32(x)',
  square: 'x * x',
  reciprocal: 'div_f32(1.0, x)',
};

/** int32 bodies: the unary ops ops/ applies to int32 without promoting to float. */
const INT_UNARY: Partial<Record<UnaryOp, string>> = {
  neg: '-x',
  abs: 'abs(x)',
  relu: 'max(x, 0)',
  sign: 'sign(x)',
  square: 'x * x',
};

/** Bitwise, so that subnormals keep their sign even where the driver flushes them to zero. */
const SIGN = `
fn sign_f32(x: f32) -> f32 {
  let bits = bitcast<u32>(x);
  if (is_nan(x) || (bits & 0x7fffffffu) == 0u) { return x; }
  return select(1.0, -1.0, (bits & 0x80000000u) != 0u);
}
`;

/** log with the IEEE edge cases spelled out (drivers' log(0) and log(∞) are finite approximations). */
const LOG = `
fn log_f32(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f32(); }
  if (x == 0.0) { return -inf_f32(); }
  if (x == inf_f32()) { return x; }
  return log(x);
}
`;

/**
 * tanh through exp(-2|x|), which cannot overflow (some drivers' tanh gives NaN for |x| > 44);
 * near zero the series keeps full relative precision where 1 − e^(−2|x|) would cancel.
 */
const TANH = `
fn tanh_stable(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  if (a < 0.0625) {
    let a2 = a * a;
    return sign(x) * a * (1.0 - a2 * (1.0 / 3.0 - a2 * (2.0 / 15.0 - a2 * (17.0 / 315.0))));
  }
  let e = exp(-2.0 * a);
  return sign(x) * (1.0 - e) / (1.0 + e);
}
`;

export function unaryKernel(op: UnaryOp, size: number, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const expression = type === 'f32' ? FLOAT_UNARY[op] : INT_UNARY[op];
  if (expression === undefined) throw new TypeError(`webgpu: unary '${op}' is not defined for int32; convert with .float() first.`);
  return {
    key: `unary:${op}:${type}`,
    wgsl: () => `${IEEE_HELPERS}${TANH}${SIGN}${LOG}
${bindings([['x_in', type]], type)}
${elementwiseMain(`  let x = x_in[i];\n  out[i] = ${expression};`)}`,
    params: [size],
    workgroups: launchFor(size),
  };
}
