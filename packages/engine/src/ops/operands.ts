import { getBackend } from '../backend/registry.js';
import { makeTensor } from '../autograd/record.js';
import { allocate, isFloatDType, promoteTypes, type DType } from '../tensor/dtype.js';
import { Tensor, type TensorLike } from '../tensor/tensor.js';
import { cast } from './convert.js';

/**
 * Turns the operands of a binary op into tensors of one dtype on one device. A JS number
 * takes the tensor's dtype (so x.mul(2) stays float32), except that a fractional number
 * promotes an int32 tensor to float32 — torch's rule for Python scalars.
 */
export function binaryOperands(a: TensorLike, b: TensorLike, op: string): [Tensor, Tensor, DType] {
  checkOperand(a, op);
  checkOperand(b, op);
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) {
    throw new TypeError(`${op}: at least one operand must be a Tensor; both are numbers.`);
  }
  const ref = (a instanceof Tensor ? a : b) as Tensor;
  const dtypeOf = (x: TensorLike): DType =>
    x instanceof Tensor ? x.dtype : isFloatDType(ref.dtype) || Number.isInteger(x) ? ref.dtype : 'float32';
  const dtype = promoteTypes(dtypeOf(a), dtypeOf(b));
  const ta = scalarTensor(a, dtype, ref.device);
  const tb = scalarTensor(b, dtype, ref.device);
  if (ta.device !== tb.device) {
    throw new Error(
      `${op}: expected both tensors on the same device, but found '${ta.device}' and '${tb.device}'. ` +
        `Move one with .to('${ta.device}') (and the model with model.to(...)).`,
    );
  }
  return [cast(ta, dtype), cast(tb, dtype), dtype];
}

function checkOperand(x: unknown, op: string): void {
  if (x instanceof Tensor || typeof x === 'number') return;
  const what = x === null ? 'null' : Array.isArray(x) ? 'an array (wrap it with tensor(...))' : typeof x;
  throw new TypeError(`${op}: expected a Tensor or a number, got ${what}.`);
}

/** A number as a 0-d tensor of the given dtype on the given device; a tensor unchanged. */
export function scalarTensor(x: TensorLike, dtype: DType, device: string): Tensor {
  if (x instanceof Tensor) return x;
  const values = allocate(dtype, 1);
  values[0] = x;
  return makeTensor(getBackend(device).fromTypedArray(values), [], dtype, device);
}
