/**
 * The cpu backend's column sums (the reduced dims leading, as for a bias gradient over a batch)
 * take their own loop: each column must still add its rows in order from 0 in float64, so the
 * bits are those of the plain walk, NaN, ±Inf and -0 included, at any number of columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceKernel } from '../../src/backend/cpu/reduce.js';
import type { TypedArray } from '../../src/tensor/dtype.js';

/** Column c of a contiguous [rows, cols] block, summed row after row in float64. */
function inOrder(x: ArrayLike<number>, rows: number, cols: number): number[] {
  return Array.from({ length: cols }, (_, c) => {
    let s = 0;
    for (let r = 0; r < rows; r++) s += x[r * cols + c];
    return s;
  });
}

/** Bit patterns (every NaN as one). */
function bits(values: ArrayLike<number>): string[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : String(v)));
}

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1e-45, 3.4e38, -3.4e38];
const value = fc.oneof({ weight: 6, arbitrary: fc.float({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) });

describe('column sums', () => {
  it('equal the in-order sum of each column, bit for bit (rows, 1–20 columns, specials)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 20 }), fc.array(value, { minLength: 180, maxLength: 180 }), (rows, cols, pool) => {
        const x = Float32Array.from({ length: rows * cols }, (_, i) => pool[i % pool.length]);
        const out = new Float32Array(cols);
        reduceKernel('sum', x, [rows, cols], [0], out);
        expect(bits(out)).toEqual(bits(Float32Array.from(inOrder(x, rows, cols))));
      }),
      { numRuns: 300 },
    );
  });

  it('several leading dims reduced: [2, 3, 10] over [0, 1] is [6, 10]; float64 and int32 too', () => {
    const cases: [TypedArray, TypedArray][] = [
      [Float64Array.from({ length: 60 }, (_, i) => Math.sin(i) * 1e8 + 0.1), new Float64Array(10)],
      [Int32Array.from({ length: 60 }, (_, i) => (i % 7) * 1_000_003 - 3_000_000), new Int32Array(10)],
    ];
    for (const [x, out] of cases) {
      reduceKernel('sum', x, [2, 3, 10], [0, 1], out);
      expect(bits(out)).toEqual(bits(out.constructor === Int32Array ? Int32Array.from(inOrder(x, 6, 10)) : inOrder(x, 6, 10)));
    }
  });

  it('the course shapes: a [128, 256] and a [128, 10] bias gradient', () => {
    for (const [rows, cols] of [[128, 256], [128, 10]]) {
      const x = Float32Array.from({ length: rows * cols }, (_, i) => Math.cos(i * 0.37) * (i % 13));
      const out = new Float32Array(cols);
      reduceKernel('sum', x, [rows, cols], [0], out);
      expect(bits(out)).toEqual(bits(Float32Array.from(inOrder(x, rows, cols))));
    }
  });
});
