import type { DType } from '../../../tensor/dtype.js';

/**
 * One dispatch of a WGSL kernel. Bindings are always: the inputs in order (read-only storage),
 * the output (read-write storage), then `params` (read-only array<u32>) — shapes, strides and
 * sizes, so one compiled pipeline serves every shape.
 */
export interface KernelLaunch {
  /** Identifies the source; equal keys must mean equal WGSL (pipelines are cached by it). */
  key: string;
  /** Built only the first time the key is used. */
  wgsl: () => string;
  params: readonly number[];
  workgroups: [number, number, number];
}

export const WORKGROUP_SIZE = 64;
/** WebGPU's guaranteed limit per dispatch dimension; larger launches spill into y. */
const MAX_WORKGROUPS_PER_DIM = 65535;

/** The WGSL scalar type of a storage dtype (the backend holds float32 and int32 only). */
export function wgslType(dtype: DType): 'f32' | 'i32' {
  if (dtype === 'float32') return 'f32';
  if (dtype === 'int32') return 'i32';
  throw new TypeError(`webgpu: ${dtype} is not supported on the GPU (WGSL has no 64-bit floats). Convert with .float() first.`);
}

/** Workgroups for one invocation per element, folded into two dimensions past the limit. */
export function launchFor(elements: number): [number, number, number] {
  const groups = Math.ceil(elements / WORKGROUP_SIZE);
  if (groups <= MAX_WORKGROUPS_PER_DIM) return [groups, 1, 1];
  const x = MAX_WORKGROUPS_PER_DIM;
  return [x, Math.ceil(groups / x), 1];
}

/** The binding declarations for `inputs`, the output and the params, in the fixed order. */
export function bindings(inputs: readonly [name: string, type: string][], outputType: string): string {
  const lines = inputs.map(([name, type], i) => `@group(0) @binding(${i}) var<storage, read> ${name}: array<${type}>;`);
  lines.push(`@group(0) @binding(${inputs.length}) var<storage, read_write> out: array<${outputType}>;`);
  lines.push(`@group(0) @binding(${inputs.length + 1}) var<storage, read> params: array<u32>;`);
  return lines.join('\n');
}

/**
 * An entry point with one invocation per output element: `i` is the flat output index and
 * params[0] the element count; `body` is the statements for element i.
 */
export function elementwiseMain(body: string): string {
  return `
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let i = gid.x + gid.y * groups.x * ${WORKGROUP_SIZE}u;
  if (i >= params[0]) { return; }
${body}
}`;
}

/**
 * IEEE helpers. WGSL lets compilers assume no NaN or ∞ in float comparisons and builtins, so
 * NaN is tested on the bits, and NaN/∞ are made from bits. A constant NaN or ∞ is a WGSL
 * compile error, so the bits get a runtime term (always 0) from the params buffer.
 */
export const IEEE_HELPERS = `
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn nan_f32() -> f32 { return bitcast<f32>(0x7fc00000u + min(params[0], 0u)); }
fn inf_f32() -> f32 { return bitcast<f32>(0x7f800000u + min(params[0], 0u)); }
// Drivers may flush subnormal operands to zero (SwiftShader does), which turns a / subnormal
// into a / 0; a subnormal divisor is m·2^-149 with integer m, so divide by m and scale back.
fn is_subnormal(x: f32) -> bool {
  let bits = bitcast<u32>(x);
  return (bits & 0x7f800000u) == 0u && (bits & 0x007fffffu) != 0u;
}
/** m with x = m·2^-149, for a subnormal x. */
fn subnormal_units(x: f32) -> f32 {
  let bits = bitcast<u32>(x);
  return select(1.0, -1.0, (bits & 0x80000000u) != 0u) * f32(bits & 0x007fffffu);
}
fn div_f32(a: f32, b: f32) -> f32 {
  if (is_subnormal(a) && is_subnormal(b)) { return subnormal_units(a) / subnormal_units(b); }
  // the 2^±149 is applied in two steps, ordered so that no intermediate leaves the normal range
  if (is_subnormal(b)) {
    let m = subnormal_units(b);
    if (abs(a) < 1.0) { return ((a * 0x1p85f) / m) * 0x1p64f; }
    return ((a / m) * 0x1p64f) * 0x1p85f;
  }
  if (is_subnormal(a)) {
    let m = subnormal_units(a);
    if (abs(b) < 1.0) { return ((m * 0x1p-74f) / b) * 0x1p-75f; }
    return ((m / b) * 0x1p-74f) * 0x1p-75f;
  }
  return a / b;
}
`;
