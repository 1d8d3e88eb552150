import type { Tensor } from '../../tensor/tensor.js';
import { tanh } from '../../ops/unary/tanh.js';
import { Module } from '../module.js';

/** tanh elementwise (torch.nn.Tanh). */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return this.inMode(() => tanh(x));
  }
}
