import type { UnaryOp } from '../../backend/backend.js';
import { makeTensor } from '../../autograd/record.js';
import { toFloatDType } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { cast } from '../convert.js';

/**
 * Runs a backend unary primitive. Real-valued functions (exp, log, …) first promote an int32
 * input to float32, as torch does; sign-preserving ones (neg, abs, relu) keep int32.
 */
export function applyUnary(op: UnaryOp, x: Tensor, realValued: boolean): [Tensor, Tensor] {
  if (!(x instanceof Tensor)) throw new TypeError(`${op}: expected a Tensor, got ${x === null ? 'null' : typeof x}.`);
  const input = realValued ? cast(x, toFloatDType(x.dtype)) : x;
  const out = makeTensor(input.backend.unary(op, input.storage, input.numel(), input.dtype), input.shape, input.dtype, input.device);
  return [input, out];
}
