import fc from 'fast-check';
import type { Tensor } from '@dlcourse/engine';
import { formatValue } from '../compare/format-value.js';

/** Makes fast-check print a generated tensor by its values and shape in a counterexample. */
export function printable(t: Tensor): Tensor {
  Object.defineProperty(t, fc.toStringMethod, { value: () => `tensor(${formatValue(t)})`, enumerable: false });
  return t;
}
