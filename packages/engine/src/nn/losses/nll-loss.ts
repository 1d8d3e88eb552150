import type { Tensor } from '../../tensor/tensor.js';
import { formatShape } from '../../tensor/shape.js';
import { isFloatDType } from '../../tensor/dtype.js';
import { neg } from '../../ops/unary/neg.js';
import { gather } from '../../ops/indexing/gather.js';
import { unsqueeze, squeeze } from '../../ops/shape/squeeze.js';
import { Module } from '../module.js';
import { checkFinite, reduce, type LossOptions } from './reduction.js';

/** Checks a class-index target against [N, C] scores; shared by nllLoss and crossEntropy. */
export function checkClassTarget(input: Tensor, target: Tensor, op: string): void {
  if (input.ndim !== 2) {
    throw new RangeError(`${op}: input must be [N, C] (a row of C class scores per sample), got ${formatShape(input.shape)}.`);
  }
  if (!isFloatDType(input.dtype)) throw new TypeError(`${op}: input must be a float tensor, got ${input.dtype}.`);
  if (target.dtype !== 'int32') {
    const oneHot = target.ndim === 2 && target.shape[1] === input.shape[1];
    throw new TypeError(
      `${op}: target must hold class indices as an int32 tensor of shape [N], got ${target.dtype} ${formatShape(target.shape)}. ` +
        (oneHot ? 'It looks one-hot encoded: use target.argmax(1) to get the indices.' : "Create it with { dtype: 'int32' } or convert with .int()."),
    );
  }
  if (target.ndim !== 1 || target.shape[0] !== input.shape[0]) {
    throw new RangeError(`${op}: target must have shape [${input.shape[0]}] (one class index per row of the input), got ${formatShape(target.shape)}.`);
  }
  if (target.device === 'cpu') {
    const classes = input.shape[1];
    const values = target.toTypedArray();
    const bad = values.findIndex((v) => v < 0 || v >= classes);
    if (bad >= 0) {
      throw new RangeError(`${op}: target[${bad}] = ${values[bad]} is not a class index in [0, ${classes - 1}] (the input has ${classes} classes).`);
    }
  }
}

/** Negative log-likelihood of the target class given log-probabilities (torch's nll_loss). */
export function nllLoss(logProbs: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  checkClassTarget(logProbs, target, 'nllLoss');
  checkFinite(logProbs, 'the input (log-probabilities)', 'nllLoss');
  const picked = squeeze(gather(logProbs, 1, unsqueeze(target, 1)), 1);
  return reduce(neg(picked), options.reduction, 'nllLoss');
}

/** torch.nn.NLLLoss. */
export class NLLLoss extends Module {
  constructor(readonly options: LossOptions = {}) {
    super();
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, this.options);
  }
}
