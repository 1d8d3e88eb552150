import { noGrad } from '../../autograd/grad-mode.js';
import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { normalizeDim } from '../../tensor/shape.js';
import { sub } from '../binary/sub.js';
import { div } from '../binary/div.js';
import { mul } from '../binary/mul.js';
import { exp } from '../unary/exp.js';
import { sum } from '../reduce/sum.js';
import { max } from '../reduce/max.js';
import { logsumexp } from '../reduce/logsumexp.js';
import { cast } from '../convert.js';
import { toFloatDType } from '../../tensor/dtype.js';

/*
 * Both are one node in the graph with the closed-form backward, rather than the graph of the
 * max/exp/sum/log ops that compute them: the backward is then 3 ops instead of a dozen, which
 * is most of cross-entropy's cost at a classifier's 10 classes.
 */

/**
 * softmax(x)ᵢ = exp(xᵢ − m) / Σ exp(xⱼ − m), with m = max x so that exp never overflows.
 * Backward: dx = s · (g − Σ g·s), s the output.
 */
export function softmax(x: Tensor, dim: number): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'softmax');
  const input = cast(x, toFloatDType(x.dtype));
  const out = noGrad(() => {
    const e = exp(sub(input, max(input, axis, true)));
    return div(e, sum(e, axis, true));
  });
  return record(out, 'softmax', [input], (g) => [mul(out, sub(g, sum(mul(g, out), axis, true)))], [out]);
}

/**
 * log softmax(x) = x − logsumexp(x), stable for any magnitude.
 * Backward: dx = g − softmax(x) · Σ g, with softmax(x) = exp(output).
 */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'logSoftmax');
  const input = cast(x, toFloatDType(x.dtype));
  const out = noGrad(() => sub(input, logsumexp(input, axis, true)));
  return record(out, 'logSoftmax', [input], (g) => [sub(g, mul(exp(out), sum(g, axis, true)))], [out]);
}
