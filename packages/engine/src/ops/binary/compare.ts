import type { BinaryOp } from '../../backend/backend.js';
import { toFloatDType } from '../../tensor/dtype.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';

/**
 * Comparisons give 0/1 masks in the operands' float dtype (float32 for int32 operands) rather
 * than a bool dtype, so a mask multiplies straight into a gradient or averages into an
 * accuracy: pred.eq(y).mean(). They are not differentiable.
 */
function compare(op: BinaryOp, a: TensorLike, b: TensorLike): Tensor {
  return applyBinary(op, a, b, toFloatDType)[2];
}

export const eq = (a: TensorLike, b: TensorLike): Tensor => compare('eq', a, b);
export const ne = (a: TensorLike, b: TensorLike): Tensor => compare('ne', a, b);
export const lt = (a: TensorLike, b: TensorLike): Tensor => compare('lt', a, b);
export const le = (a: TensorLike, b: TensorLike): Tensor => compare('le', a, b);
export const gt = (a: TensorLike, b: TensorLike): Tensor => compare('gt', a, b);
export const ge = (a: TensorLike, b: TensorLike): Tensor => compare('ge', a, b);
