import type { Tensor } from '../../tensor/tensor.js';
import { sigmoid } from '../../ops/unary/sigmoid.js';
import { Module } from '../module.js';

/** 1/(1+e⁻ˣ) elementwise (torch.nn.Sigmoid). */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return this.inMode(() => sigmoid(x));
  }
}
