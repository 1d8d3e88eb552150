import { record } from '../../autograd/record.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { mul } from './mul.js';
import { add } from './add.js';
import { sub } from './sub.js';
import { eq, gt, lt } from './compare.js';

/**
 * Elementwise max or min. The gradient goes to whichever operand was picked; on a tie it is
 * split evenly between the two, as torch does.
 */
export function selectExtremum(op: 'maximum' | 'minimum', a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, out] = applyBinary(op, a, b);
  const picksA = op === 'maximum' ? gt : lt;
  return record(
    out,
    op,
    [ta, tb],
    (g) => {
      const toA = add(picksA(ta, tb), mul(eq(ta, tb), 0.5));
      return [sumToShape(mul(g, toA), ta.shape), sumToShape(mul(g, sub(1, toA)), tb.shape)];
    },
    [ta, tb],
  );
}
