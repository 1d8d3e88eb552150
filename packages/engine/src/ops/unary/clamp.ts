import type { Tensor } from '../../tensor/tensor.js';
import { maximum } from '../binary/maximum.js';
import { minimum } from '../binary/minimum.js';

/** Limits values to [min, max]; either bound may be omitted. */
export function clamp(x: Tensor, min?: number, max?: number): Tensor {
  if (min === undefined && max === undefined) throw new TypeError('clamp: give at least one of min and max.');
  if (min !== undefined && max !== undefined && min > max) throw new RangeError(`clamp: min ${min} is greater than max ${max}.`);
  let out = x;
  if (min !== undefined) out = maximum(out, min);
  if (max !== undefined) out = minimum(out, max);
  return out;
}
