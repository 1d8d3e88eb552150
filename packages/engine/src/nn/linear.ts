import type { Tensor } from '../tensor/tensor.js';
import type { DType } from '../tensor/dtype.js';
import { zeros } from '../ops/creation.js';
import { resolveGenerator, type Generator } from '../random/generator.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { kaimingUniform_, uniform_ } from './init.js';
import { linear } from './functional/linear.js';

export interface LinearOptions {
  bias?: boolean;
  dtype?: DType;
  device?: string;
  /** A Generator or seed for the initial weights (the global generator when omitted). */
  generator?: Generator | number;
}

/**
 * A fully connected layer y = x·Wᵀ + b (torch.nn.Linear), W of shape [out, in]. Initialised
 * as torch does: W ~ kaiming_uniform(a=√5), i.e. U(−1/√in, 1/√in), and b ~ U(−1/√in, 1/√in).
 */
export class Linear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    for (const [name, v] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(v) || v <= 0) throw new RangeError(`Linear: ${name} must be a positive integer, got ${v}.`);
    }
    const generator = resolveGenerator(options.generator);
    const dtype = options.dtype ?? 'float32';
    this.weight = new Parameter(zeros([outFeatures, inFeatures], { dtype }));
    kaimingUniform_(this.weight, Math.sqrt(5), generator);
    if (options.bias ?? true) {
      const bound = 1 / Math.sqrt(inFeatures);
      this.bias = new Parameter(zeros([outFeatures], { dtype }));
      uniform_(this.bias, -bound, bound, generator);
    } else {
      this.bias = null;
    }
    if (options.device) this.to(options.device);
  }

  forward(x: Tensor): Tensor {
    return this.inMode(() => linear(x, this.weight, this.bias));
  }

  protected override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
