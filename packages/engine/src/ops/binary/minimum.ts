import { record } from '../../autograd/record.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { mul } from './mul.js';
import { add } from './add.js';
import { sub } from './sub.js';
import { eq, lt } from './compare.js';

/** Elementwise min; on a tie the gradient is split evenly between the two, as torch does. */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, out] = applyBinary('minimum', a, b);
  return record(
    out,
    'minimum',
    [ta, tb],
    (g) => {
      const toA = add(lt(ta, tb), mul(eq(ta, tb), 0.5));
      return [sumToShape(mul(g, toA), ta.shape), sumToShape(mul(g, sub(1, toA)), tb.shape)];
    },
    [ta, tb],
  );
}
