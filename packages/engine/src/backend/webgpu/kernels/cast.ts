import type { DType } from '../../../tensor/dtype.js';
import { bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/** A copy converted to `to`: float → int32 truncates toward zero (as torch's .int()). params: [n] */
export function castKernel(size: number, from: DType, to: DType): KernelLaunch {
  const source = wgslType(from);
  const target = wgslType(to);
  return {
    key: `cast:${source}:${target}`,
    wgsl: () => `
${bindings([['x', source]], target)}
${elementwiseMain(`  out[i] = ${target}(x[i]);`)}`,
    params: [size],
    workgroups: launchFor(size),
  };
}

/** Fills with one value, passed as its bits so that −0, ±∞ and NaN survive. params: [n, bits] */
export function fullKernel(size: number, value: number, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  const bits = type === 'f32' ? new Uint32Array(new Float32Array([value]).buffer)[0] : new Uint32Array(new Int32Array([value]).buffer)[0];
  return {
    key: `full:${type}`,
    wgsl: () => `
${bindings([], type)}
${elementwiseMain(`  out[i] = bitcast<${type}>(params[1]);`)}`,
    params: [size, bits],
    workgroups: launchFor(size),
  };
}
