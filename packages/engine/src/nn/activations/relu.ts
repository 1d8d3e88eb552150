import type { Tensor } from '../../tensor/tensor.js';
import { relu } from '../../ops/unary/relu.js';
import { Module } from '../module.js';

/** max(x, 0) elementwise (torch.nn.ReLU). */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return this.inMode(() => relu(x));
  }
}
