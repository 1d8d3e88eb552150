import type { BinaryOp, Storage, UnaryOp } from '../backend/backend.js';
import { isGradEnabled } from '../autograd/grad-mode.js';
import { makeTensor } from '../autograd/record.js';
import { mayWriteInPlace, noteStorageWrite } from '../autograd/storage-writes.js';
import { broadcastShapes, formatShape, shapesEqual } from '../tensor/shape.js';
import { isFloatDType, type DType } from '../tensor/dtype.js';
import type { Tensor, TensorLike } from '../tensor/tensor.js';
import { binaryOperands } from './operands.js';
import { cast } from './convert.js';

/**
 * target ← a ⊕ b, written into target's own storage: no allocation, and the same float rounding
 * as the out-of-place op. For optimizer updates, and for a temporary that nothing else holds (a
 * backward's mask). Operands may be target itself.
 *
 * Where the storage must keep its values (a detached tensor shares it; see
 * autograd/storage-writes.ts), where the dtypes differ, or where the backend ignores the offer,
 * the result goes to a new storage swapped in, as the public in-place ops (add_, mul_) do. Either
 * way target's version is bumped, and a write into a storage is counted so that a graph that saved
 * a view of it refuses to backward with stale values.
 */
export function writeBinary(target: Tensor, op: BinaryOp, a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, dtype] = binaryOperands(a, b, op);
  checkTarget(target, ta, op);
  const outShape = broadcastShapes(ta.shape, tb.shape, op);
  if (!shapesEqual(outShape, target.shape)) {
    throw new RangeError(`${op} (in place): the result has shape ${formatShape(outShape)} but the target has ${formatShape(target.shape)}.`);
  }
  const into = dtype === target.dtype && mayWriteInPlace(target.storage) ? target.storage : undefined;
  const storage = ta.backend.binary(op, ta.storage, ta.shape, tb.storage, tb.shape, outShape, dtype, dtype, into);
  return settle(target, storage, dtype, into);
}

/** target ← op(x), as writeBinary. */
export function writeUnary(target: Tensor, op: UnaryOp, x: Tensor): Tensor {
  checkTarget(target, x, op);
  if (!shapesEqual(x.shape, target.shape)) {
    throw new RangeError(`${op} (in place): the input has shape ${formatShape(x.shape)} but the target has ${formatShape(target.shape)}.`);
  }
  const into = x.dtype === target.dtype && mayWriteInPlace(target.storage) ? target.storage : undefined;
  const storage = x.backend.unary(op, x.storage, x.numel(), x.dtype, into);
  return settle(target, storage, x.dtype, into);
}

/**
 * target ← a + alpha·b (torch's a.add(b, alpha=…), an optimizer's w − η·d) as writeBinary, in one
 * pass where the backend has scaledAdd; otherwise alpha·b goes through `scratch()` (which may be b;
 * a function, so that a fused step never makes it).
 * a, b and target have one shape and dtype. The rounding is that of the two ops either way.
 */
export function writeScaledAdd(target: Tensor, a: Tensor, b: Tensor, alpha: number, scratch: () => Tensor): Tensor {
  const { backend } = target;
  const fused =
    backend.scaledAdd !== undefined &&
    isFloatDType(target.dtype) &&
    [a, b].every((t) => t.dtype === target.dtype && t.device === target.device && shapesEqual(t.shape, target.shape));
  if (!fused) return writeBinary(target, 'add', a, writeBinary(scratch(), 'mul', b, alpha));
  checkTarget(target, a, 'add');
  const into = mayWriteInPlace(target.storage) ? target.storage : undefined;
  const storage = backend.scaledAdd!(a.storage, b.storage, alpha, target.numel(), target.dtype, into);
  return settle(target, storage, target.dtype, into);
}

function settle(target: Tensor, storage: Storage, dtype: DType, into: Storage | undefined): Tensor {
  if (into !== undefined && storage === into) noteStorageWrite(storage);
  else target.storage = cast(makeTensor(storage, target.shape, dtype, target.device), target.dtype).storage;
  target.version++;
  return target;
}

function checkTarget(target: Tensor, operand: Tensor, op: string): void {
  if (isGradEnabled() && target.requiresGrad) {
    throw new Error(`${op} (in place): a tensor that requires grad can be updated in place only inside noGrad(() => …), as optimizers do.`);
  }
  if (operand.device !== target.device) {
    throw new Error(`${op} (in place): the operands are on '${operand.device}' but the target is on '${target.device}'; move them with .to('${target.device}').`);
  }
}
