import { noGrad } from '../autograd/grad-mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { uniform, randn } from '../ops/creation.js';
import type { Generator } from '../random/generator.js';

/** In-place initialisers (torch.nn.init). Each takes an optional generator or seed. */

function fill(t: Tensor, values: Tensor): Tensor {
  return noGrad(() => t.copy_(values));
}

export function uniform_(t: Tensor, low: number, high: number, generator?: Generator | number): Tensor {
  return fill(t, uniform(t.shape, low, high, { dtype: t.dtype, generator }));
}

export function normal_(t: Tensor, mean = 0, std = 1, generator?: Generator | number): Tensor {
  return fill(t, randn(t.shape, { dtype: t.dtype, generator }).mul(std).add(mean));
}

export function zeros_(t: Tensor): Tensor {
  return noGrad(() => t.zero_());
}

/** fan_in and fan_out of a weight shaped [out, in, …] as torch computes them. */
export function fans(t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) throw new RangeError('fans: fan in and fan out need a tensor with at least 2 dims.');
  const receptive = t.shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: t.shape[1] * receptive, fanOut: t.shape[0] * receptive };
}

/**
 * He/Kaiming uniform for (leaky) ReLU: U(−b, b), b = gain·√(3/fan_in), gain = √(2/(1+a²)).
 * torch's Linear uses a = √5, which gives b = 1/√fan_in.
 */
export function kaimingUniform_(t: Tensor, a = 0, generator?: Generator | number): Tensor {
  const gain = Math.sqrt(2 / (1 + a * a));
  const bound = gain * Math.sqrt(3 / fans(t).fanIn);
  return uniform_(t, -bound, bound, generator);
}

/** Glorot/Xavier uniform: U(−b, b), b = gain·√(6/(fan_in+fan_out)). */
export function xavierUniform_(t: Tensor, gain = 1, generator?: Generator | number): Tensor {
  const { fanIn, fanOut } = fans(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform_(t, -bound, bound, generator);
}
