import type { DType } from '../../../tensor/dtype.js';
import { bindings, elementwiseMain, launchFor, wgslType, type KernelLaunch } from './kernel.js';

/**
 * Copies one part of a concatenation into its place in the output: for every outer index the
 * part is a contiguous block of `block` elements landing at `destination` within each output
 * row of `rowLength`. One dispatch per part keeps the binding count fixed however many parts.
 *
 * params: [partSize, block, rowLength, destination]
 */
export function concatPartKernel(partSize: number, block: number, rowLength: number, destination: number, dtype: DType): KernelLaunch {
  const type = wgslType(dtype);
  return {
    key: `concat:${type}`,
    wgsl: () => `
${bindings([['part', type]], type)}
${elementwiseMain(`
  let block = params[1];
  out[(i / block) * params[2] + params[3] + i % block] = part[i];`)}`,
    params: [partSize, block, rowLength, destination],
    workgroups: launchFor(partSize),
  };
}
