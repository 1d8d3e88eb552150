import fc from 'fast-check';
import { tensor, type DType, type Tensor } from '@dlcourse/engine';
import { printable } from './printable.js';

export interface ValueOptions {
  min?: number;
  max?: number;
  /** Keep |x| at least this far from 0 (for kinks such as ReLU at 0, or division). */
  awayFromZero?: number;
  dtype?: DType;
  /** Values lie on a grid of this step (default 1/1024), so failures shrink to readable numbers. */
  step?: number;
}

/**
 * Values uniform on a grid in [min, max], optionally bounded away from 0. A grid rather than
 * fc.double: doubles are drawn over their bit patterns (mostly tiny magnitudes) and shrink
 * towards 1e-300, where a wrong formula hides under the tolerance; grid values shrink towards
 * 0 through readable numbers like 0.125.
 */
export function value(options: ValueOptions = {}): fc.Arbitrary<number> {
  const { min = -3, max = 3, awayFromZero = 0, step = 1 / 1024 } = options;
  if (!(min < max)) throw new RangeError(`value: min ${min} must be below max ${max}.`);
  const lo = Math.ceil(min / step);
  const hi = Math.floor(max / step);
  const base = fc.integer({ min: lo, max: hi }).map((i) => i * step);
  if (awayFromZero <= 0) return base;
  return base.map((v) => {
    if (Math.abs(v) >= awayFromZero) return v;
    const pushed = v < 0 && min <= -awayFromZero ? -awayFromZero : awayFromZero <= max ? awayFromZero : -awayFromZero;
    return pushed;
  });
}

/** A tensor of the given shape (default float64, for precise checks). */
export function tensorOf(shape: readonly number[], options: ValueOptions = {}): fc.Arbitrary<Tensor> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(value(options), { minLength: n, maxLength: n })
    .map((values) => printable(tensor(Float64Array.from(values), { shape, dtype: options.dtype ?? 'float64' })));
}

/** A tensor of a random shape from `shapes`. */
export function anyTensor(shapes: fc.Arbitrary<number[]>, options: ValueOptions = {}): fc.Arbitrary<Tensor> {
  return shapes.chain((s) => tensorOf(s, options));
}

/** Class indices in [0, classes) as an int32 tensor of length n. */
export function classIndices(n: number, classes: number): fc.Arbitrary<Tensor> {
  return fc
    .array(fc.integer({ min: 0, max: classes - 1 }), { minLength: n, maxLength: n })
    .map((values) => printable(tensor(Int32Array.from(values))));
}
