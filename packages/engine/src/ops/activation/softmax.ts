import { noGrad } from '../../autograd/grad-mode.js';
import type { Tensor } from '../../tensor/tensor.js';
import { normalizeDim } from '../../tensor/shape.js';
import { sub } from '../binary/sub.js';
import { div } from '../binary/div.js';
import { exp } from '../unary/exp.js';
import { sum } from '../reduce/sum.js';
import { max } from '../reduce/max.js';
import { logsumexp } from '../reduce/logsumexp.js';
import { cast } from '../convert.js';
import { toFloatDType } from '../../tensor/dtype.js';

/** softmax(x)ᵢ = exp(xᵢ − m) / Σ exp(xⱼ − m), with m = max x so that exp never overflows. */
export function softmax(x: Tensor, dim: number): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'softmax');
  const input = cast(x, toFloatDType(x.dtype));
  const shift = noGrad(() => max(input.detach(), axis, true));
  const e = exp(sub(input, shift));
  return div(e, sum(e, axis, true));
}

/** log softmax(x) = x − logsumexp(x), stable for any magnitude. */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'logSoftmax');
  const input = cast(x, toFloatDType(x.dtype));
  return sub(input, logsumexp(input, axis, true));
}
