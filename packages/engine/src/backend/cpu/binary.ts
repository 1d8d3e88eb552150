import type { BinaryOp } from '../backend.js';
import type { TypedArray } from '../../tensor/dtype.js';
import { broadcastStrides, type Shape } from '../../tensor/shape.js';
import { forEachBroadcast } from './broadcast-iter.js';

/** out[o + j] = a[ai + j·as] ⊕ b[bi + j·bs] for j < len. */
type RowKernel = (out: TypedArray, o: number, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number, len: number) => void;

/**
 * Each op's element expression, in x (from a) and y (from b). maximum/minimum propagate NaN
 * from either side, as torch does (x !== x is the inlinable isNaN).
 */
const EXPRESSIONS: Record<BinaryOp, string> = {
  add: 'x + y',
  sub: 'x - y',
  mul: 'x * y',
  div: 'x / y',
  pow: 'Math.pow(x, y)',
  maximum: 'x >= y || x !== x ? x : y',
  minimum: 'x <= y || x !== x ? x : y',
  // +(x > y), not x > y ? 1 : 0: V8 compiles the conditional to a branch, which mispredicts on
  // every other element of a ReLU mask (2.6× slower on random signs; the unary plus is a setcc).
  eq: '+(x === y)',
  ne: '+(x !== y)',
  lt: '+(x < y)',
  le: '+(x <= y)',
  gt: '+(x > y)',
  ge: '+(x >= y)',
};

/**
 * One row loop per op with its expression written inline, generated from the table above
 * rather than spelled out 13 × 4 times. A shared loop calling `f(x, y)` per element was a
 * megamorphic call the JIT could not inline (5–10× slower); within an op, the contiguous and
 * the one-side-constant cases (same shapes, tensor ⊕ scalar, a bias row) get loops without
 * stride arithmetic.
 */
function rowKernel(expression: string): RowKernel {
  const body = `
    if (as === 1 && bs === 1) {
      for (let j = 0; j < len; j++) { const x = a[ai + j], y = b[bi + j]; out[o + j] = ${expression}; }
    } else if (as === 1 && bs === 0) {
      const y = b[bi];
      for (let j = 0; j < len; j++) { const x = a[ai + j]; out[o + j] = ${expression}; }
    } else if (as === 0 && bs === 1) {
      const x = a[ai];
      for (let j = 0; j < len; j++) { const y = b[bi + j]; out[o + j] = ${expression}; }
    } else {
      for (let j = 0; j < len; j++, ai += as, bi += bs) { const x = a[ai], y = b[bi]; out[o + j] = ${expression}; }
    }`;
  return new Function('out', 'o', 'a', 'ai', 'as', 'b', 'bi', 'bs', 'len', body) as RowKernel;
}

const ROW_KERNELS = Object.fromEntries(Object.entries(EXPRESSIONS).map(([op, expression]) => [op, rowKernel(expression)])) as Record<BinaryOp, RowKernel>;

/**
 * out = a ⊕ b with NumPy broadcasting. The walk is collapsed to as few dims as the operands
 * allow (see forEachBroadcast), so a same-shape pair or a tensor ⊕ scalar is one call of the
 * row loop and a bias add one call per row. `out` may be `a` or `b` itself (an in-place update):
 * each element is read before it is written.
 */
export function binaryKernel(op: BinaryOp, a: TypedArray, aShape: Shape, b: TypedArray, bShape: Shape, outShape: Shape, out: TypedArray): void {
  const row = ROW_KERNELS[op];
  forEachBroadcast(outShape, broadcastStrides(aShape, outShape), broadcastStrides(bShape, outShape), (o, ai, bi, len, as, bs) =>
    row(out, o, a, ai, as, b, bi, bs, len),
  );
}

/**
 * out = a + alpha·b, with alpha·b rounded to out's precision first (Math.fround for float32),
 * exactly as a mul into a float32 array followed by an add would round. `out` may be a or b.
 */
export function scaledAddKernel(a: TypedArray, b: TypedArray, alpha: number, out: TypedArray): void {
  const n = out.length;
  if (out instanceof Float32Array) {
    const s = Math.fround(alpha);
    for (let i = 0; i < n; i++) out[i] = a[i] + Math.fround(b[i] * s);
  } else {
    for (let i = 0; i < n; i++) out[i] = a[i] + b[i] * alpha;
  }
}
