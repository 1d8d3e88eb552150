/**
 * Backend conformance, primitive by primitive: every method of the Backend interface (the
 * narrow waist) against the plain-JS float64 reference in ./reference.ts, with fast-check
 * generating shapes and values. The same file runs for every backend listed by ./backends.ts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Backend, BinaryOp, MatmulSpec, Storage, UnaryOp } from '../../src/backend/backend.js';
import { isFloatDType, type DType } from '../../src/tensor/dtype.js';
import { conformanceTargets } from './backends.js';
import {
  REF_BINARY,
  REF_UNARY,
  expectClose,
  numel,
  refBinary,
  refConcat,
  refGather,
  refIndexSelect,
  refMatmul,
  refReduce,
  refScatterAdd,
  refStrided,
  roundTo,
  seededValues,
  show,
  typed,
  type Arr,
} from './reference.js';
import { RUNS, arrArb, axesArb, broadcastPairArb, matmulCaseArb, shapeArb, valuesArb, type ValueOptions } from './arbitraries.js';

const targets = await conformanceTargets();

const UNARY_OPS = Object.keys(REF_UNARY) as UnaryOp[];
const BINARY_OPS = Object.keys(REF_BINARY) as BinaryOp[];
const COMPARISONS: readonly BinaryOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
/** The unary primitives ops apply to int32 without promoting (see ops/unary/apply-unary.ts). */
const INT_UNARY: readonly UnaryOp[] = ['neg', 'abs', 'relu', 'sign', 'square'];
/** int32 binary primitives the ops use (div always promotes to float first). */
const INT_BINARY: readonly BinaryOp[] = ['add', 'sub', 'mul', 'pow', 'maximum', 'minimum', ...COMPARISONS];

/** Input domains where each unary op is defined and well conditioned. */
const UNARY_DOMAIN: Partial<Record<UnaryOp, ValueOptions>> = {
  log: { min: 0.01, max: 100 },
  sqrt: { min: 0, max: 100 },
  reciprocal: { min: 0.01, max: 100 },
  exp: { min: -20, max: 20 },
};

for (const target of targets) {
  describe(`backend '${target.name}': primitives`, () => {
    const backend = target.backend;
    if (!backend) {
      it('is available', () => {
        throw new Error(target.missing);
      });
      return;
    }
    primitiveSuite(backend);
  });
}

function primitiveSuite(B: Backend): void {
  const dtypes = B.supportedDTypes;
  const floats = dtypes.filter(isFloatDType);
  const up = (data: readonly number[], dtype: DType): Storage => B.fromTypedArray(typed(dtype, data));
  const down = (s: Storage, dtype: DType, n: number): number[] => Array.from(B.read(s, dtype, n));

  it('supports float32 and int32 (every op needs them: int32 for indices and argmax)', () => {
    expect(dtypes).toContain('float32');
    expect(dtypes).toContain('int32');
  });

  // ---- data in and out -----------------------------------------------------------------------

  describe('fromTypedArray / read', () => {
    it.each(dtypes)('round-trips every %s value bit for bit (incl. ±0, ±∞, NaN, size 0)', (dtype) => {
      const any: fc.Arbitrary<number> =
        dtype === 'float32' ? fc.float() : dtype === 'float64' ? fc.double() : fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
      fc.assert(
        fc.property(fc.array(any, { maxLength: 40 }), (values) => {
          const back = B.read(up(values, dtype), dtype, values.length);
          expect(back.constructor.name).toBe(typed(dtype, []).constructor.name);
          expect(back.length).toBe(values.length);
          values.forEach((v, i) => expect(Object.is(back[i], v), `[${i}] ${back[i]} vs ${v}`).toBe(true));
        }),
        { numRuns: RUNS },
      );
    });

    it('read gives a copy: changing it leaves the storage as it was', () => {
      const s = up([1, 2, 3], 'float32');
      const first = B.read(s, 'float32', 3);
      first[0] = 99;
      expect(down(s, 'float32', 3)).toEqual([1, 2, 3]);
    });
  });

  it.each(dtypes)('full fills %s storages of any size', (dtype) => {
    for (const size of [0, 1, 7, 100]) {
      for (const value of isFloatDType(dtype) ? [0, -2.5, 0.1, 3, 1e30, -Infinity] : [0, -7, 123456]) {
        expectClose(down(B.full(size, value, dtype), dtype, size), new Array(size).fill(roundTo(dtype, [value])[0]), dtype, `full(${size}, ${value})`);
      }
    }
  });

  describe('cast', () => {
    for (const from of dtypes) {
      for (const to of dtypes) {
        it(`${from} → ${to}`, () => {
          fc.assert(
            fc.property(valuesArb(12, from, { min: -1e6, max: 1e6 }), (values) => {
              const expected = to === 'int32' ? values.map(Math.trunc) : roundTo(to, values);
              expectClose(down(B.cast(up(values, from), from, to, values.length), to, values.length), expected, to, `cast ${show(values)}`);
            }),
            { numRuns: RUNS },
          );
        });
      }
    }

    it.each(floats)('%s → int32 truncates toward zero (as torch .int())', (from) => {
      const values = [-1.7, -0.5, -0, 0.5, 0.99, 1.7, 2.5, -2.5, 1000000.75, -123.999];
      const got = down(B.cast(up(values, from), from, 'int32', values.length), 'int32', values.length);
      expect(got).toEqual([-1, 0, 0, 0, 0, 1, 2, -2, 1000000, -123]);
    });

    it('float64 → float32 rounds to nearest', () => {
      if (!dtypes.includes('float64')) return;
      const values = [0.1, 1 / 3, 1e-40, 3.4e38, 1 + 2 ** -30];
      expect(down(B.cast(up(values, 'float64'), 'float64', 'float32', 5), 'float32', 5)).toEqual(values.map(Math.fround));
    });
  });

  // ---- elementwise ---------------------------------------------------------------------------

  describe('unary', () => {
    for (const op of UNARY_OPS) {
      it.each(floats)(`${op} on %s matches the reference`, (dtype) => {
        fc.assert(
          fc.property(shapeArb({ minDim: 0 }).chain((shape) => arrArb(shape, dtype, UNARY_DOMAIN[op])), (x) => {
            const got = down(B.unary(op, up(x.data, dtype), x.data.length, dtype), dtype, x.data.length);
            expectClose(got, roundTo(dtype, x.data.map(REF_UNARY[op])), dtype, `${op}(${show(x.data)}) shape [${x.shape}]`);
          }),
          { numRuns: RUNS },
        );
      });

      it.each(floats)(`${op} on %s: IEEE special values (±0, ±1000, ±∞, NaN)`, (dtype) => {
        const values = [0, -0, 1, -1, 1000, -1000, 1e-30, Infinity, -Infinity, NaN];
        const got = down(B.unary(op, up(values, dtype), values.length, dtype), dtype, values.length);
        expectClose(got, roundTo(dtype, values.map(REF_UNARY[op])), dtype, `${op}(${show(values)})`);
      });
    }

    it('relu on float32 bit patterns: a NaN with the sign bit set stays NaN; -0, -∞ and the smallest negatives → 0', () => {
      const x = new Float32Array([1e-30, -1e-30, -0, 0, 3.4e38, -3.4e38, -Infinity, 0]);
      new Int32Array(x.buffer)[7] = 0xffc00000 | 0; // the NaN x86 makes of 0/0: sign bit set
      const got = down(B.unary('relu', B.fromTypedArray(x), x.length, 'float32'), 'float32', x.length);
      expect(got.slice(0, 7).map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual([Math.fround(1e-30), 0, 0, 0, Math.fround(3.4e38), 0, 0]);
      expect(got[7]).toBeNaN();
    });

    for (const op of INT_UNARY) {
      it(`${op} on int32 is exact`, () => {
        fc.assert(
          fc.property(valuesArb(20, 'int32', { min: -1000, max: 1000 }), (values) => {
            const got = down(B.unary(op, up(values, 'int32'), values.length, 'int32'), 'int32', values.length);
            expect(got).toEqual(values.map((v) => REF_UNARY[op](v) + 0)); // + 0 turns −0 into 0
          }),
          { numRuns: RUNS },
        );
      });
    }
  });

  describe('binary', () => {
    /** Values for op's operands: positive bases for pow, small integers (ties) for comparisons. */
    const domains = (op: BinaryOp, dtype: DType): [ValueOptions, ValueOptions] => {
      if (op === 'pow') return dtype === 'int32' ? [{ min: -5, max: 5 }, { min: 0, max: 4 }] : [{ min: 0.1, max: 4 }, { min: -3, max: 3 }];
      if (COMPARISONS.includes(op) || op === 'maximum' || op === 'minimum') return [{ min: -3, max: 3, integers: true }, { min: -3, max: 3, integers: true }];
      return [{}, {}];
    };
    const outDTypeOf = (op: BinaryOp, dtype: DType): DType => (COMPARISONS.includes(op) && dtype === 'int32' ? 'float32' : dtype);

    const check = (op: BinaryOp, dtype: DType, a: Arr, b: Arr): void => {
      const outDType = outDTypeOf(op, dtype);
      const ref = refBinary(op, a, b);
      const got = down(B.binary(op, up(a.data, dtype), a.shape, up(b.data, dtype), b.shape, ref.shape, dtype, outDType), outDType, numel(ref.shape));
      expectClose(got, roundTo(outDType, ref.data), outDType, `${op}: a [${a.shape}] ${show(a.data)}, b [${b.shape}] ${show(b.data)}`);
    };

    /** Broadcasting cases every op must get right, named in the brief. */
    const FIXED_PAIRS: [number[], number[]][] = [
      [[], []], // 0-d ⊕ 0-d
      [[], [3]], // 0-d ⊕ vector
      [[4], []],
      [[1], [2, 3]], // [1] ⊕ matrix
      [[2, 3], [1]],
      [[1, 4], [3, 1]], // row ⊕ column
      [[3, 1], [1, 4]],
      [[2, 3], [3]],
      [[2, 1, 4], [3, 1]], // 3-D
      [[2, 3, 4], [2, 3, 4]],
      [[1, 3, 1], [2, 1, 5]],
      [[0, 3], [3]], // empty dims
      [[2, 0], [1]],
      [[0], []],
      [[2, 1, 0], [3, 1]],
    ];

    for (const op of BINARY_OPS) {
      const opDTypes = dtypes.filter((d) => isFloatDType(d) || INT_BINARY.includes(op));
      it.each(opDTypes)(`${op} on %s: fixed broadcasting cases (0-d, [1], row/column, 3-D, empty)`, (dtype) => {
        const [da, db] = domains(op, dtype);
        FIXED_PAIRS.forEach(([sa, sb], i) => {
          const a = { shape: sa, data: roundTo(dtype, seededValues(2 * i + 1, numel(sa), da.min ?? -10, da.max ?? 10)) };
          const b = { shape: sb, data: roundTo(dtype, seededValues(2 * i + 2, numel(sb), db.min ?? -10, db.max ?? 10)) };
          if (da.integers || dtype === 'int32') a.data = a.data.map(Math.round);
          if (db.integers || dtype === 'int32') b.data = b.data.map(Math.round);
          check(op, dtype, a, b);
        });
      });

      it.each(opDTypes)(`${op} on %s: random broadcasting pairs`, (dtype) => {
        const [da, db] = domains(op, dtype);
        fc.assert(
          fc.property(
            broadcastPairArb().chain(([sa, sb]) => fc.tuple(arrArb(sa, dtype, da), arrArb(sb, dtype, db))),
            ([a, b]) => check(op, dtype, a, b),
          ),
          { numRuns: RUNS },
        );
      });
    }

    it.each(floats)('comparisons write their mask in the requested float dtype (%s)', (dtype) => {
      const got = B.read(B.binary('lt', up([1, 2, 3], dtype), [3], up([2], dtype), [], [3], dtype, dtype), dtype, 3);
      expect(Array.from(got)).toEqual([1, 0, 0]);
      expect(got.constructor.name).toBe(typed(dtype, []).constructor.name);
    });

    it.each(floats)('IEEE special values: maximum/minimum propagate NaN, x/0 = ±∞ (%s)', (dtype) => {
      const a = [NaN, 1, NaN, 1, 0, -1, Infinity, -Infinity];
      const b = [1, NaN, NaN, 0, 0, 0, Infinity, 5];
      for (const op of ['maximum', 'minimum', 'div', 'add', 'mul', 'lt', 'eq', 'ne'] as const) {
        check(op, dtype, { shape: [8], data: a }, { shape: [8], data: b });
      }
    });
  });

  // ---- reductions ----------------------------------------------------------------------------

  describe('reduce', () => {
    for (const op of ['sum', 'max', 'min'] as const) {
      it.each(dtypes)(`${op} on %s over random sets of axes (none, one, several, all)`, (dtype) => {
        fc.assert(
          fc.property(
            shapeArb().chain((shape) => fc.tuple(arrArb(shape, dtype, { min: -100, max: 100 }), axesArb(shape.length))),
            ([x, axes]) => {
              const ref = refReduce(op, x, axes);
              const got = down(B.reduce(op, up(x.data, dtype), x.shape, axes, dtype), dtype, numel(ref.shape));
              expectClose(got, roundTo(dtype, ref.data), dtype, `${op} over axes [${axes}] of [${x.shape}] ${show(x.data)}`, op === 'sum' ? ref.scale : undefined);
            },
          ),
          { numRuns: RUNS },
        );
      });
    }

    it.each(floats)('sum over [0, 2] of a [2, 3, 4] %s tensor, and over every axis', (dtype) => {
      const x = { shape: [2, 3, 4], data: roundTo(dtype, seededValues(7, 24)) };
      for (const axes of [[0, 2], [1], [0, 1, 2], [1, 2]]) {
        const ref = refReduce('sum', x, axes);
        expectClose(down(B.reduce('sum', up(x.data, dtype), x.shape, axes, dtype), dtype, numel(ref.shape)), roundTo(dtype, ref.data), dtype, `sum [${axes}]`, ref.scale);
      }
    });

    it('sum over an empty dim gives zeros; over a 0-d tensor with no axes, the value', () => {
      expect(down(B.reduce('sum', up([], 'float32'), [2, 0], [1], 'float32'), 'float32', 2)).toEqual([0, 0]);
      expect(down(B.reduce('sum', up([], 'float32'), [0, 3], [0], 'float32'), 'float32', 3)).toEqual([0, 0, 0]);
      expect(down(B.reduce('sum', up([], 'float32'), [0, 3], [1], 'float32'), 'float32', 0)).toEqual([]);
      expect(down(B.reduce('sum', up([5], 'float32'), [], [], 'float32'), 'float32', 1)).toEqual([5]);
    });

    for (const op of ['argmax', 'argmin'] as const) {
      it.each(dtypes)(`${op} on %s over each single axis: the first index on ties`, (dtype) => {
        fc.assert(
          fc.property(
            shapeArb({ minRank: 1 }).chain((shape) => fc.tuple(arrArb(shape, dtype, { min: -2, max: 2, integers: true }), fc.integer({ min: 0, max: shape.length - 1 }))),
            ([x, axis]) => {
              const ref = refReduce(op, x, [axis]);
              const got = B.read(B.reduce(op, up(x.data, dtype), x.shape, [axis], dtype), 'int32', numel(ref.shape));
              expect(got).toBeInstanceOf(Int32Array);
              expect(Array.from(got), `${op} over axis ${axis} of [${x.shape}] ${show(x.data)}`).toEqual(ref.data);
            },
          ),
          { numRuns: RUNS },
        );
      });
    }

    it('argmax / argmin fixed cases: ties, −∞, NaN (counts as the extremum, as torch)', () => {
      const run = (op: 'argmax' | 'argmin', data: number[], shape: number[], axis: number) =>
        Array.from(B.read(B.reduce(op, up(data, 'float32'), shape, [axis], 'float32'), 'int32', numel(shape) / shape[axis]));
      expect(run('argmax', [1, 3, 3, 2, 2, 2], [2, 3], 1)).toEqual([1, 0]);
      expect(run('argmin', [3, 1, 1, 0, 5, 0], [2, 3], 1)).toEqual([1, 0]);
      expect(run('argmax', [1, 5, 1, 5], [2, 2], 0)).toEqual([0, 0]);
      expect(run('argmax', [-Infinity, -Infinity, -Infinity], [3], 0)).toEqual([0]);
      expect(run('argmin', [Infinity, Infinity], [2], 0)).toEqual([0]);
      expect(run('argmax', [1, NaN, 7, NaN], [4], 0)).toEqual([1]);
      expect(run('argmin', [1, -7, NaN], [3], 0)).toEqual([2]);
    });
  });

  // ---- matmul --------------------------------------------------------------------------------

  describe('matmul', () => {
    const run = (dtype: DType, spec: MatmulSpec, seed: number): void => {
      const aSize = (spec.aBatchStride === 0 ? 1 : spec.batch) * spec.m * spec.k;
      const bSize = (spec.bBatchStride === 0 ? 1 : spec.batch) * spec.k * spec.n;
      const a = roundTo(dtype, seededValues(seed, aSize));
      const b = roundTo(dtype, seededValues(seed + 1000, bSize));
      const ref = refMatmul(a, b, spec);
      const got = down(B.matmul(up(a, dtype), up(b, dtype), spec, dtype), dtype, spec.batch * spec.m * spec.n);
      expectClose(got, roundTo(dtype, ref.data), dtype, `matmul ${JSON.stringify(spec)}`, ref.scale);
    };
    const specOf = (batch: number, m: number, k: number, n: number, transA: boolean, transB: boolean, shareA: boolean, shareB: boolean): MatmulSpec => ({
      batch,
      m,
      k,
      n,
      transA,
      transB,
      aBatchStride: shareA ? 0 : m * k,
      bBatchStride: shareB ? 0 : k * n,
    });

    it.each(floats)('sizes 1×1×1, 5×7×3, 17×33×9, 4×4×4, 8×1×5 with batch 1 and 3, every transA/transB, batch strides 0 (%s)', (dtype) => {
      let seed = 1;
      for (const [m, k, n] of [[1, 1, 1], [5, 7, 3], [17, 33, 9], [4, 4, 4], [8, 1, 5]]) {
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            run(dtype, specOf(1, m, k, n, transA, transB, false, false), seed++);
            for (const [shareA, shareB] of [[false, false], [true, false], [false, true], [true, true]]) {
              run(dtype, specOf(3, m, k, n, transA, transB, shareA, shareB), seed++);
            }
          }
        }
      }
    });

    it.each(floats)('random sizes, flags and batch strides (%s)', (dtype) => {
      fc.assert(
        fc.property(matmulCaseArb(9), (c) => run(dtype, c.spec, c.seed)),
        { numRuns: RUNS },
      );
    });

    it('k = 0 gives zeros; m = 0 or batch = 0 gives an empty result', () => {
      const zeros = down(B.matmul(up([], 'float32'), up([], 'float32'), specOf(2, 2, 0, 3, false, false, false, false), 'float32'), 'float32', 12);
      expect(zeros).toEqual(new Array(12).fill(0));
      expect(down(B.matmul(up([], 'float32'), up([1, 2, 3, 4], 'float32'), specOf(1, 0, 2, 2, false, false, false, false), 'float32'), 'float32', 0)).toEqual([]);
      expect(down(B.matmul(up([], 'float32'), up([1, 2, 3, 4], 'float32'), specOf(0, 2, 2, 2, false, false, false, true), 'float32'), 'float32', 0)).toEqual([]);
    });
  });

  const matmulAddBias = B.matmulAddBias?.bind(B);
  if (matmulAddBias) {
    describe('matmulAddBias', () => {
      /** The primitive against its definition on this backend: matmul, then add the bias row, bit for bit. */
      const check = (dtype: DType, spec: MatmulSpec, seed: number, biasValues?: number[]): void => {
        const aSize = (spec.aBatchStride === 0 ? 1 : spec.batch) * spec.m * spec.k;
        const bSize = (spec.bBatchStride === 0 ? 1 : spec.batch) * spec.k * spec.n;
        const a = up(roundTo(dtype, seededValues(seed, aSize)), dtype);
        const b = up(roundTo(dtype, seededValues(seed + 1000, bSize)), dtype);
        const bias = up(biasValues ?? roundTo(dtype, seededValues(seed + 2000, spec.n)), dtype);
        const size = spec.batch * spec.m * spec.n;
        const outShape = [spec.batch, spec.m, spec.n];
        const expected = down(B.binary('add', B.matmul(a, b, spec, dtype), outShape, bias, [spec.n], outShape, dtype, dtype), dtype, size);
        const got = down(matmulAddBias(a, b, bias, spec, dtype), dtype, size);
        expect(got.map((v) => (Object.is(v, -0) ? '-0' : String(v))), `matmulAddBias ${JSON.stringify(spec)}`).toEqual(expected.map((v) => (Object.is(v, -0) ? '-0' : String(v))));
      };

      it.each(floats)('equals matmul then add, bit for bit: random sizes, flags and batch strides (%s)', (dtype) => {
        fc.assert(
          fc.property(matmulCaseArb(9), (c) => check(dtype, c.spec, c.seed)),
          { numRuns: RUNS },
        );
      });

      it.each(floats)('and on the course sizes (k = 784 spans several k-blocks) with non-finite and signed-zero biases (%s)', (dtype) => {
        const spec = (m: number, k: number, n: number, transB: boolean): MatmulSpec => ({ batch: 1, m, k, n, transA: false, transB, aBatchStride: 0, bBatchStride: 0 });
        check(dtype, spec(128, 784, 256, true), 1);
        check(dtype, spec(13, 784, 10, true), 2, [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e30, -1e-30, 3, -3, 0.5]);
        check(dtype, spec(3, 0, 4, false), 3, [-0, 0, Number.NaN, 2]); // an empty sum: 0 + bias
      });
    });
  }

  // ---- data movement -------------------------------------------------------------------------

  describe('strided', () => {
    const run = (dtype: DType, x: number[], outShape: number[], strides: number[], offset: number, what: string): void => {
      const got = down(B.strided(up(x, dtype), outShape, strides, offset, dtype), dtype, numel(outShape));
      expectClose(got, refStrided(x, outShape, strides, offset), dtype, `${what}: strided(${show(x)}, [${outShape}], [${strides}], ${offset})`);
    };
    const iota = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    it.each(dtypes)('transpose, permute, expand (stride 0), offset slices, 0-d (%s)', (dtype) => {
      run(dtype, iota(6), [3, 2], [1, 3], 0, 'transpose [2,3]');
      run(dtype, iota(24), [4, 2, 3], [1, 12, 4], 0, 'permute [2,3,4] → (2,0,1)');
      run(dtype, iota(3), [2, 3], [0, 1], 0, 'expand [3] → [2,3]');
      run(dtype, iota(2), [2, 3], [1, 0], 0, 'expand [2,1] → [2,3]');
      run(dtype, iota(1), [2, 2, 2], [0, 0, 0], 0, 'expand [1] → [2,2,2]');
      run(dtype, iota(20), [2, 5], [5, 1], 5, 'rows 1..2 of [4,5]');
      run(dtype, iota(20), [4, 2], [5, 1], 2, 'columns 2..3 of [4,5]');
      run(dtype, iota(20), [2, 2], [1, 5], 6, 'a transposed slice');
      run(dtype, iota(5), [], [], 3, '0-d element 3');
      run(dtype, iota(5), [0, 3], [3, 1], 0, 'empty');
    });

    it.each(dtypes)('random shapes, non-negative strides and offsets (%s)', (dtype) => {
      fc.assert(
        fc.property(
          shapeArb({ minDim: 0 }).chain((shape) =>
            fc.tuple(fc.constant(shape), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: shape.length, maxLength: shape.length }), fc.integer({ min: 0, max: 5 })),
          ),
          ([shape, strides, offset]) => {
            const span = numel(shape) === 0 ? 1 : shape.reduce((s, d, i) => s + (d - 1) * strides[i], 0) + 1;
            const x = roundTo(dtype, seededValues(span, offset + span, -50, 50));
            run(dtype, x, shape, strides, offset, 'random');
          },
        ),
        { numRuns: RUNS },
      );
    });
  });

  describe('concat', () => {
    it.each(dtypes)('along each axis of [2, 3, 4] (%s)', (dtype) => {
      for (let axis = 0; axis < 3; axis++) {
        const parts: Arr[] = [1, 0, 2].map((len, t) => {
          const shape = [2, 3, 4];
          shape[axis] = len;
          return { shape, data: roundTo(dtype, seededValues(10 * axis + t, numel(shape), -9, 9)) };
        });
        const ref = refConcat(parts, axis);
        const got = down(B.concat(parts.map((p) => up(p.data, dtype)), parts.map((p) => p.shape), axis, dtype), dtype, numel(ref.shape));
        expectClose(got, ref.data, dtype, `concat along ${axis}`);
      }
    });

    it.each(dtypes)('random shapes, axis and part sizes (incl. 0) (%s)', (dtype) => {
      fc.assert(
        fc.property(
          shapeArb({ minRank: 1 }).chain((shape) =>
            fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 })),
          ),
          ([shape, axis, lengths]) => {
            const parts = lengths.map((len, t) => {
              const s = [...shape];
              s[axis] = len;
              return { shape: s, data: roundTo(dtype, seededValues(t + 1, numel(s), -9, 9)) };
            });
            const ref = refConcat(parts, axis);
            const got = down(B.concat(parts.map((p) => up(p.data, dtype)), parts.map((p) => p.shape), axis, dtype), dtype, numel(ref.shape));
            expectClose(got, ref.data, dtype, `concat along ${axis} of ${parts.map((p) => `[${p.shape}]`).join(', ')}`);
          },
        ),
        { numRuns: RUNS },
      );
    });
  });

  describe('gather / scatterAdd', () => {
    /** x's shape, a dim, and an in-range index no larger than x outside dim (torch's rule). */
    const caseArb = shapeArb({ minRank: 1, maxRank: 3 }).chain((xShape) =>
      fc.integer({ min: 0, max: xShape.length - 1 }).chain((dim) =>
        fc
          .tuple(...xShape.map((d, i) => (i === dim ? fc.integer({ min: 0, max: 5 }) : fc.integer({ min: 1, max: d }))))
          .chain((indexShape) =>
            fc.record({
              xShape: fc.constant(xShape),
              dim: fc.constant(dim),
              index: valuesArb(numel(indexShape), 'int32', { min: 0, max: xShape[dim] - 1 }).map((data) => ({ shape: indexShape, data })),
            }),
          ),
      ),
    );

    it.each(dtypes)('gather matches torch.gather (%s)', (dtype) => {
      fc.assert(
        fc.property(caseArb, ({ xShape, dim, index }) => {
          const x = { shape: xShape, data: roundTo(dtype, seededValues(numel(xShape), numel(xShape), -9, 9)) };
          const got = down(B.gather(up(x.data, dtype), xShape, dim, up(index.data, 'int32'), index.shape, dtype), dtype, index.data.length);
          expectClose(got, refGather(x, dim, index), dtype, `gather dim ${dim} of [${xShape}] with index [${index.shape}] ${show(index.data)}`);
        }),
        { numRuns: RUNS },
      );
    });

    it.each(floats)('scatterAdd matches torch.scatter_add, repeated indices accumulating (%s)', (dtype) => {
      fc.assert(
        fc.property(caseArb, ({ xShape, dim, index }) => {
          const src = roundTo(dtype, seededValues(index.data.length + 3, index.data.length, -9, 9));
          const got = down(B.scatterAdd(xShape, dim, up(index.data, 'int32'), up(src, dtype), index.shape, dtype), dtype, numel(xShape));
          expectClose(got, roundTo(dtype, refScatterAdd(xShape, dim, index, src)), dtype, `scatterAdd dim ${dim} into [${xShape}] at ${show(index.data)} [${index.shape}] of ${show(src)}`);
        }),
        { numRuns: RUNS },
      );
    });

    it('repeated indices: gather copies, scatterAdd sums', () => {
      const idx = up([0, 0, 2, 0], 'int32');
      expect(down(B.gather(up([10, 20, 30], 'float32'), [3], 0, idx, [4], 'float32'), 'float32', 4)).toEqual([10, 10, 30, 10]);
      expect(down(B.scatterAdd([3], 0, idx, up([1, 2, 3, 4], 'float32'), [4], 'float32'), 'float32', 3)).toEqual([7, 0, 3]);
      // along dim 1 of [2, 3]: row r of the index picks within row r
      const idx2 = up([2, 2, 0, 1], 'int32');
      expect(down(B.gather(up([1, 2, 3, 4, 5, 6], 'float32'), [2, 3], 1, idx2, [2, 2], 'float32'), 'float32', 4)).toEqual([3, 3, 4, 5]);
      expect(down(B.scatterAdd([2, 3], 1, idx2, up([1, 2, 3, 4], 'float32'), [2, 2], 'float32'), 'float32', 6)).toEqual([0, 0, 3, 3, 4, 0]);
    });

    it('an out-of-bounds or negative index is an error, not a silent read', () => {
      const x = up([1, 2, 3], 'float32');
      expect(() => B.gather(x, [3], 0, up([3], 'int32'), [1], 'float32')).toThrow(/out of bounds/);
      expect(() => B.gather(x, [3], 0, up([-1], 'int32'), [1], 'float32')).toThrow(/out of bounds/);
      expect(() => B.scatterAdd([3], 0, up([0, 5], 'int32'), up([1, 1], 'float32'), [2], 'float32')).toThrow(/out of bounds/);
      expect(() => B.gather(up([1, 2, 3, 4], 'float32'), [2, 2], 1, up([0, 2], 'int32'), [1, 2], 'float32')).toThrow(/out of bounds/);
    });
  });

  // Optional primitive: registered only where the backend has it (ops fall back to gather).
  const indexSelect = B.indexSelect?.bind(B);
  if (indexSelect) {
    describe('indexSelect', () => {
      /** x's shape (inner slices from 1 value to over the block-copy threshold), a dim, and a 1-D in-range index. */
      const caseArb = fc
        .tuple(shapeArb({ minRank: 1, maxRank: 3 }), fc.constantFrom(1, 5, 16, 40))
        .map(([shape, last]) => [...shape, last])
        .chain((xShape) =>
          fc.integer({ min: 0, max: xShape.length - 1 }).chain((dim) =>
            fc.record({
              xShape: fc.constant(xShape),
              dim: fc.constant(dim),
              index: fc.array(fc.integer({ min: 0, max: xShape[dim] - 1 }), { minLength: 0, maxLength: 6 }),
            }),
          ),
        );

      it.each(dtypes)('matches torch.index_select, repeats and an empty index included (%s)', (dtype) => {
        fc.assert(
          fc.property(caseArb, ({ xShape, dim, index }) => {
            const x = { shape: xShape, data: roundTo(dtype, seededValues(numel(xShape), numel(xShape), -9, 9)) };
            const ref = refIndexSelect(x, dim, index);
            const got = down(indexSelect(up(x.data, dtype), xShape, dim, up(index, 'int32'), index.length, dtype), dtype, ref.data.length);
            expectClose(got, ref.data, dtype, `indexSelect dim ${dim} of [${xShape}] at ${show(index)}`);
          }),
          { numRuns: RUNS },
        );
      });

      it('an out-of-bounds or negative index is an error naming it, not a silent read', () => {
        const x = up([1, 2, 3, 4, 5, 6], 'float32');
        expect(() => indexSelect(x, [3, 2], 0, up([0, 3], 'int32'), 2, 'float32')).toThrow(/index 3 is out of bounds for dim 0 of size 3/);
        expect(() => indexSelect(x, [3, 2], 1, up([-1], 'int32'), 1, 'float32')).toThrow(/index -1 is out of bounds for dim 1 of size 2/);
      });
    });
  }
}
