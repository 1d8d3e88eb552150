import { isGradEnabled } from '../autograd/grad-mode.js';
import { isFloatDType } from '../tensor/dtype.js';
import { formatShape, shapesEqual } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The rules for an in-place op (add_, mul_, copy_, …), which swaps the tensor's storage for
 * the result's: the shape cannot change, and a tensor in the graph cannot be changed while
 * gradients are recorded (update parameters inside noGrad, as optimizers do).
 */
export function checkInPlace(target: Tensor, result: Tensor, op: string): void {
  if (isGradEnabled() && target.requiresGrad) {
    throw new Error(
      target.isLeaf
        ? `${op}: a leaf tensor that requires grad (a parameter) cannot be changed in place while gradients are recorded. ` +
            `Wrap the update in noGrad(() => …), as optimizers do.`
        : `${op}: in-place ops on tensors inside the autograd graph are not supported; use the out-of-place op.`,
    );
  }
  if (!shapesEqual(target.shape, result.shape)) {
    throw new RangeError(`${op}: the result has shape ${formatShape(result.shape)} but the tensor has ${formatShape(target.shape)}; in-place ops cannot change a shape.`);
  }
  if (result.dtype !== target.dtype && !isFloatDType(target.dtype) && isFloatDType(result.dtype)) {
    throw new TypeError(`${op}: the result is ${result.dtype} but the tensor is ${target.dtype}; an in-place op cannot change the dtype.`);
  }
  if (result.device !== target.device) throw new Error(`${op}: the result is on '${result.device}' but the tensor is on '${target.device}'.`);
}
