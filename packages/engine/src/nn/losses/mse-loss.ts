import type { Tensor } from '../../tensor/tensor.js';
import { formatShape, shapesEqual } from '../../tensor/shape.js';
import { isFloatDType } from '../../tensor/dtype.js';
import { sub } from '../../ops/binary/sub.js';
import { square } from '../../ops/unary/square.js';
import { Module } from '../module.js';
import { checkFinite, reduce, type LossOptions } from './reduction.js';

/** Mean squared error (input − target)², averaged over every element by default (torch's mse_loss). */
export function mseLoss(input: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  if (!shapesEqual(input.shape, target.shape)) {
    const hint =
      input.ndim === 2 && input.shape[1] === 1 && target.ndim === 1
        ? ` The model outputs [N, 1]; squeeze it to [N] first: output.squeeze(1) (otherwise broadcasting would compare every prediction with every target).`
        : '';
    throw new RangeError(`mseLoss: input shape ${formatShape(input.shape)} and target shape ${formatShape(target.shape)} differ.${hint}`);
  }
  if (!isFloatDType(input.dtype) || !isFloatDType(target.dtype)) {
    throw new TypeError(`mseLoss: input and target must be float tensors, got ${input.dtype} and ${target.dtype}. Convert with .float().`);
  }
  checkFinite(input, 'the input (prediction)', 'mseLoss');
  checkFinite(target, 'the target', 'mseLoss');
  return reduce(square(sub(input, target)), options.reduction, 'mseLoss');
}

/** torch.nn.MSELoss. */
export class MSELoss extends Module {
  constructor(readonly options: LossOptions = {}) {
    super();
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, this.options);
  }
}
