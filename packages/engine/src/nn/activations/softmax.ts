import type { Tensor } from '../../tensor/tensor.js';
import { softmax, logSoftmax } from '../../ops/activation/softmax.js';
import { Module } from '../module.js';

/**
 * softmax along dim (torch.nn.Softmax). Do not put it before crossEntropy, which expects raw
 * scores (logits) and applies logSoftmax itself.
 */
export class Softmax extends Module {
  constructor(readonly dim = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.inMode(() => softmax(x, this.dim));
  }
  protected override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** log softmax along dim (torch.nn.LogSoftmax); pairs with nllLoss. */
export class LogSoftmax extends Module {
  constructor(readonly dim = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.inMode(() => logSoftmax(x, this.dim));
  }
  protected override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}
