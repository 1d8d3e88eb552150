import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/** Modules applied in order (torch.nn.Sequential); children are named "0", "1", … */
export class Sequential extends Module {
  readonly length: number;

  constructor(...modules: Module[]) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof Module)) {
        throw new TypeError(`Sequential: argument ${i} is not a Module (got ${m === null ? 'null' : typeof m}). Pass layer objects, e.g. new ReLU().`);
      }
      (this as unknown as Record<string, Module>)[String(i)] = m;
    });
    this.length = modules.length;
  }

  at(index: number): Module {
    const m = (this as unknown as Record<string, Module>)[String(index < 0 ? index + this.length : index)];
    if (!m) throw new RangeError(`Sequential: no module at index ${index} (it has ${this.length}).`);
    return m;
  }

  forward(x: Tensor): Tensor {
    let out = x;
    for (let i = 0; i < this.length; i++) out = this.at(i).forward(out);
    return out;
  }
}
