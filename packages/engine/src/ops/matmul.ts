import { makeTensor, record } from '../autograd/record.js';
import { isFloatDType } from '../tensor/dtype.js';
import { broadcastShapes, formatShape, numel } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { binaryOperands } from './operands.js';
import { expand } from './shape/expand.js';
import { reshape } from './shape/reshape.js';
import { sum } from './reduce/sum.js';
import { squeeze, unsqueeze } from './shape/squeeze.js';
import { sumToShape } from './binary/sum-to-shape.js';

/**
 * Matrix product with torch.matmul's rules: 1-D operands are promoted to a row/column and the
 * added dim removed again; leading (batch) dims broadcast.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [ta, tb] = binaryOperands(a, b, 'matmul');
  if (!isFloatDType(ta.dtype)) throw new TypeError(`matmul: expects float tensors, got ${ta.dtype}. Convert with .float().`);
  if (ta.ndim === 0 || tb.ndim === 0) throw new RangeError('matmul: both operands need at least 1 dim; use mul for a scalar.');
  const x = ta.ndim === 1 ? unsqueeze(ta, 0) : ta;
  const y = tb.ndim === 1 ? unsqueeze(tb, -1) : tb;
  const [m, k] = x.shape.slice(-2);
  const [k2, n] = y.shape.slice(-2);
  if (k !== k2) {
    throw new RangeError(
      `matmul: shapes ${formatShape(ta.shape)} and ${formatShape(tb.shape)} cannot be multiplied: the inner sizes ${k} and ${k2} differ. ` +
        `For X·W the last dim of X must equal the first of W (did you mean W.T?).`,
    );
  }
  const batchShape = broadcastShapes(x.shape.slice(0, -2), y.shape.slice(0, -2), 'matmul');
  const batch = numel(batchShape);
  const as3 = (t: Tensor, rows: number, cols: number): Tensor => {
    const own = t.shape.slice(0, -2);
    if (numel(own) === 1) return reshape(t, [1, rows, cols]);
    return reshape(expand(t, [...batchShape, rows, cols]), [batch, rows, cols]);
  };
  let out = reshape(bmm(as3(x, m, k), as3(y, k, n), false, false), [...batchShape, m, n]);
  if (ta.ndim === 1) out = squeeze(out, -2);
  if (tb.ndim === 1) out = squeeze(out, -1);
  return out;
}

/**
 * Batched product of 3-D operands with an optional transpose of each (read, never copied):
 * op(a)[B,m,k] · op(b)[B,k,n]. A batch of 1 is shared across the other operand's batch.
 */
export function bmm(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Tensor {
  return product(a, b, transA, transB, null);
}

/**
 * bmm(a, b, transA, transB) with `bias` (1-D, n values, a's dtype and device) added to every
 * row, in one backend pass (Linear's forward). The caller checks that the backend has
 * matmulAddBias and that the bias fits; the bits and the gradients are bmm's followed by add's.
 */
export function bmmAddBias(a: Tensor, b: Tensor, bias: Tensor, transA: boolean, transB: boolean): Tensor {
  return product(a, b, transA, transB, bias);
}

function product(a: Tensor, b: Tensor, transA: boolean, transB: boolean, bias: Tensor | null): Tensor {
  const [ba, ra, ca] = a.shape;
  const [bb, rb, cb] = b.shape;
  const [m, k] = transA ? [ca, ra] : [ra, ca];
  const n = transB ? rb : cb;
  // Checked here because the kernel cannot: unchecked, a k or batch mismatch read past the
  // storages and returned NaN instead of an error.
  checkBmm(a, b, k, transB ? cb : rb, ba, bb);
  // A batch of 1 is shared with the other operand's batch, which may be 0 (Math.max(0, 1)
  // made that 1, so matmul of [0, m, k] and [k, n] failed in its final reshape).
  const batch = ba === 1 ? bb : ba;
  const spec = { batch, m, k, n, aBatchStride: ba === 1 ? 0 : ra * ca, bBatchStride: bb === 1 ? 0 : rb * cb, transA, transB };
  const storage = bias ? a.backend.matmulAddBias!(a.storage, b.storage, bias.storage, spec, a.dtype) : a.backend.matmul(a.storage, b.storage, spec, a.dtype);
  const out = makeTensor(storage, [batch, m, n], a.dtype, a.device);
  const fold = (g: Tensor, ownBatch: number): Tensor => (ownBatch === 1 && batch !== 1 ? sum(g, 0, true) : g);
  return record(
    out,
    bias ? 'linear' : 'matmul',
    bias ? [a, b, bias] : [a, b],
    (g) => [
      // dA = g·op(B)ᵀ (stored transposed when A was read transposed)
      a.requiresGrad ? fold(transA ? bmm(b, g, transB, true) : bmm(g, b, false, !transB), ba) : null,
      // dB = op(A)ᵀ·g (likewise)
      b.requiresGrad ? fold(transB ? bmm(g, a, true, transA) : bmm(a, g, !transA, false), bb) : null,
      // dbias = g summed over every row, as add's backward sums a broadcast operand
      ...(bias ? [bias.requiresGrad ? sumToShape(g, bias.shape) : null] : []),
    ],
    [a, b],
  );
}

function checkBmm(a: Tensor, b: Tensor, k: number, kb: number, ba: number, bb: number): void {
  if (a.ndim !== 3 || b.ndim !== 3) {
    throw new RangeError(`bmm: expects two 3-D tensors [batch, rows, cols], got ${formatShape(a.shape)} and ${formatShape(b.shape)}.`);
  }
  if (a.dtype !== b.dtype || a.device !== b.device) {
    throw new TypeError(`bmm: operands must share dtype and device, got ${a.dtype} on '${a.device}' and ${b.dtype} on '${b.device}'.`);
  }
  if (k !== kb) {
    throw new RangeError(`bmm: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} (with the transpose flags) have inner sizes ${k} and ${kb}; they must be equal.`);
  }
  if (ba !== bb && ba !== 1 && bb !== 1) {
    throw new RangeError(`bmm: batch sizes ${ba} and ${bb} differ (one of them may be 1, to be shared).`);
  }
}
