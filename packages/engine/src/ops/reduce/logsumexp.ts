import { noGrad } from '../../autograd/grad-mode.js';
import type { Tensor } from '../../tensor/tensor.js';
import { add } from '../binary/add.js';
import { sub } from '../binary/sub.js';
import { exp } from '../unary/exp.js';
import { log } from '../unary/log.js';
import { clamp } from '../unary/clamp.js';
import { reshape } from '../shape/reshape.js';
import { sum } from './sum.js';
import { max } from './max.js';
import { reductionShapes } from './reduce-shape.js';
import { cast } from '../convert.js';
import { toFloatDType } from '../../tensor/dtype.js';

/** The largest finite magnitude of each dtype, so a slice that is all ±∞ is shifted by a finite amount. */
const FINITE_LIMIT = { float32: 3.4e38, float64: 1.7e308, int32: 2 ** 31 } as const;

/**
 * log Σ exp(x) over dim, stable for large |x|: the max m is subtracted first,
 * log Σ exp(x) = m + log Σ exp(x − m). m is a constant for autograd (its gradient cancels).
 */
export function logsumexp(input: Tensor, dim: number | readonly number[], keepdim = false): Tensor {
  // int32 is promoted first, as torch does: the int32 shift below (clamped to 2³¹, which wraps
  // to −2³¹ in an Int32Array) gave −∞ for every int32 input.
  const x = cast(input, toFloatDType(input.dtype));
  const { axes, droppedShape } = reductionShapes(x, dim, 'logsumexp');
  const shift = noGrad(() => {
    let m = x.detach();
    for (const a of axes) m = max(m, a, true);
    const limit = FINITE_LIMIT[x.dtype];
    return clamp(m, -limit, limit);
  });
  const out = add(log(sum(exp(sub(x, shift)), axes, true)), shift);
  return keepdim ? out : reshape(out, droppedShape);
}
