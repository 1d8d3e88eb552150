/**
 * Op-level conformance: the public ops on tensors created with { device }, once per backend
 * from ./backends.ts. Expected values are written by hand or computed by the plain-JS
 * reference (./reference.ts); values are read back with toArray().
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as E from '../../src/index.js';
import type { Tensor, DType } from '../../src/index.js';
import { conformanceTargets } from './backends.js';
import { REF_UNARY, expectClose, numel, refBinary, refMatmul, refReduce, roundTo, seededValues, show, type Arr } from './reference.js';
import { RUNS, arrArb, broadcastPairArb, scaledRuns, shapeArb } from './arbitraries.js';

const targets = await conformanceTargets();

for (const target of targets) {
  describe(`backend '${target.name}': ops`, () => {
    if (!target.backend) {
      it('is available', () => {
        throw new Error(target.missing);
      });
      return;
    }
    opSuite(target.name, target.backend.supportedDTypes);
  });
}

function opSuite(device: string, dtypes: readonly DType[]): void {
  const T = (data: E.NestedArray, dtype: DType = 'float32', requiresGrad = false): Tensor => E.tensor(data, { device, dtype, requiresGrad });
  const fromArr = (x: Arr, dtype: DType = 'float32'): Tensor => E.tensor(x.data, { device, dtype, shape: x.shape });
  /** shape, dtype, device and values (float tolerance of the dtype; exact for int32). */
  const expectTensor = (t: Tensor, shape: number[], values: readonly number[], dtype: DType = 'float32', what = ''): void => {
    expect(t.device, `${what} device`).toBe(device);
    expect(t.dtype, `${what} dtype`).toBe(dtype);
    expect([...t.shape], `${what} shape`).toEqual(shape);
    expectClose(t.toArray(), [...values], dtype, what || `tensor of shape [${shape}]`);
  };
  const floats = dtypes.filter((d) => d !== 'int32');

  // ---- creation ------------------------------------------------------------------------------

  describe('creation', () => {
    it('tensor() from nested arrays, typed arrays and a shape; scalars are 0-d', () => {
      expectTensor(T([[1, 2, 3], [4, 5, 6]]), [2, 3], [1, 2, 3, 4, 5, 6]);
      expectTensor(T(7), [], [7]);
      expectTensor(T([]), [0], []);
      expectTensor(T([[1], [2]], 'int32'), [2, 1], [1, 2], 'int32');
      expectTensor(E.tensor(new Int32Array([4, 5]), { device }), [2], [4, 5], 'int32');
      expectTensor(E.tensor(new Float32Array([1, 2, 3, 4]), { device, shape: [2, 2] }), [2, 2], [1, 2, 3, 4]);
      if (dtypes.includes('float64')) expectTensor(E.tensor(new Float64Array([0.1]), { device }), [1], [0.1], 'float64');
      expect(T([[1, 2], [3, 4]]).tolist()).toEqual([[1, 2], [3, 4]]);
      expect(T([2.5]).item()).toBe(2.5);
    });

    it('zeros, ones, full, zerosLike, arange, linspace, eye', () => {
      expectTensor(E.zeros([2, 3], { device }), [2, 3], new Array(6).fill(0));
      expectTensor(E.ones(4, { device, dtype: 'int32' }), [4], [1, 1, 1, 1], 'int32');
      expectTensor(E.full([2], -1.5, { device }), [2], [-1.5, -1.5]);
      expectTensor(E.zerosLike(T([[1, 2]], 'int32')), [1, 2], [0, 0], 'int32');
      expectTensor(E.arange(5, undefined, 1, { device }), [5], [0, 1, 2, 3, 4], 'int32');
      expectTensor(E.arange(1, 2, 0.25, { device }), [4], [1, 1.25, 1.5, 1.75]);
      expectTensor(E.linspace(0, 1, 5, { device }), [5], [0, 0.25, 0.5, 0.75, 1]);
      expectTensor(E.eye(3, { device }), [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
      expectTensor(E.zeros([0, 3], { device }), [0, 3], []);
    });

    it('randn / rand are on the device and reproducible from a seed', () => {
      const a = E.randn([3, 4], { device, generator: 5 });
      const b = E.randn([3, 4], { device, generator: 5 });
      expect(a.device).toBe(device);
      expect(a.toArray()).toEqual(b.toArray());
      expect(E.rand([100], { device, generator: 1 }).toArray().every((v) => v >= 0 && v < 1)).toBe(true);
    });

    it('to(device) and back, to(dtype) and cast truncation', () => {
      const x = T([1.5, -2.7]);
      expectTensor(x.to('cpu').to(device), [2], [1.5, -2.7]);
      expectTensor(x.int(), [2], [1, -2], 'int32');
      if (dtypes.includes('float64')) expectTensor(x.double(), [2], [Math.fround(1.5), Math.fround(-2.7)], 'float64');
    });
  });

  // ---- elementwise ---------------------------------------------------------------------------

  describe('elementwise', () => {
    const UNARY: [string, (t: Tensor) => Tensor, (x: number) => number, { min?: number; max?: number }][] = [
      ['neg', (t) => t.neg(), REF_UNARY.neg, {}],
      ['exp', (t) => t.exp(), REF_UNARY.exp, {}],
      ['log', (t) => t.log(), REF_UNARY.log, { min: 0.01, max: 10 }],
      ['sqrt', (t) => t.sqrt(), REF_UNARY.sqrt, { min: 0, max: 10 }],
      ['abs', (t) => t.abs(), REF_UNARY.abs, {}],
      ['square', (t) => t.square(), REF_UNARY.square, {}],
      ['relu', (t) => t.relu(), REF_UNARY.relu, {}],
      ['sigmoid', (t) => t.sigmoid(), REF_UNARY.sigmoid, {}],
      ['tanh', (t) => t.tanh(), REF_UNARY.tanh, {}],
      ['clamp(-1, 0.5)', (t) => t.clamp(-1, 0.5), (x) => Math.min(Math.max(x, -1), 0.5), {}],
      ['clamp(min 0.25)', (t) => t.clamp(0.25), (x) => Math.max(x, 0.25), {}],
      ['clamp(max -0.25)', (t) => E.clamp(t, undefined, -0.25), (x) => Math.min(x, -0.25), {}],
    ];
    for (const [name, f, ref, range] of UNARY) {
      it.each(floats)(`${name} on %s`, (dtype) => {
        fc.assert(
          fc.property(shapeArb({ maxRank: 3 }).chain((s) => arrArb(s, dtype, { min: range.min ?? -5, max: range.max ?? 5 })), (x) => {
            expectTensor(f(fromArr(x, dtype)), x.shape, roundTo(dtype, x.data.map(ref)), dtype, `${name}(${show(x.data)})`);
          }),
          { numRuns: scaledRuns(15) },
        );
      });
    }

    const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'][] = [
      ['add', E.add, 'add'],
      ['sub', E.sub, 'sub'],
      ['mul', E.mul, 'mul'],
      ['div', E.div, 'div'],
      ['pow', E.pow, 'pow'],
      ['maximum', E.maximum, 'maximum'],
      ['minimum', E.minimum, 'minimum'],
    ];
    for (const [name, f, op] of BINARY) {
      it(`${name} broadcasts like NumPy (float32)`, () => {
        fc.assert(
          fc.property(
            broadcastPairArb({ maxRank: 3 }).chain(([sa, sb]) =>
              fc.tuple(arrArb(sa, 'float32', op === 'pow' ? { min: 0.1, max: 3 } : {}), arrArb(sb, 'float32', op === 'pow' ? { min: -2, max: 2 } : { min: 0.5, max: 5 })),
            ),
            ([a, b]) => {
              const ref = refBinary(op, a, b);
              expectTensor(f(fromArr(a), fromArr(b)), ref.shape, roundTo('float32', ref.data), 'float32', `${name} [${a.shape}] ${show(a.data)}, [${b.shape}] ${show(b.data)}`);
            },
          ),
          { numRuns: scaledRuns(20) },
        );
      });
    }

    it('Tensor methods with numbers on either side; add/sub alpha', () => {
      const x = T([1, 2, 4]);
      expectTensor(x.add(1), [3], [2, 3, 5]);
      expectTensor(E.sub(10, x), [3], [9, 8, 6]);
      expectTensor(E.div(1, x), [3], [1, 0.5, 0.25]);
      expectTensor(x.pow(2), [3], [1, 4, 16]);
      expectTensor(E.pow(2, x), [3], [2, 4, 16]);
      expectTensor(x.add(T([1, 1, 1]), 10), [3], [11, 12, 14]);
      expectTensor(x.sub(T([1, 1, 1]), 0.5), [3], [0.5, 1.5, 3.5]);
    });

    it('comparisons give 0/1 masks in a float dtype, with broadcasting', () => {
      const a = T([[1, 2, 3]]);
      const b = T([[2], [3]]);
      expectTensor(a.eq(b), [2, 3], [0, 1, 0, 0, 0, 1]);
      expectTensor(a.ne(b), [2, 3], [1, 0, 1, 1, 1, 0]);
      expectTensor(a.lt(b), [2, 3], [1, 0, 0, 1, 1, 0]);
      expectTensor(a.le(b), [2, 3], [1, 1, 0, 1, 1, 1]);
      expectTensor(a.gt(2), [1, 3], [0, 0, 1]);
      expectTensor(a.ge(2), [1, 3], [0, 1, 1]);
      expectTensor(T([1, 2], 'int32').eq(T([1, 3], 'int32')), [2], [1, 0], 'float32');
      if (dtypes.includes('float64')) expectTensor(T([1, 2], 'float64').lt(1.5), [2], [1, 0], 'float64');
      // a mask averages into an accuracy
      expectTensor(T([0, 1, 1, 2], 'int32').eq(T([0, 1, 2, 2], 'int32')).mean(), [], [0.75]);
    });
  });

  // ---- dtype promotion -----------------------------------------------------------------------

  describe('dtype promotion', () => {
    it('int32 with float32 gives float32; with float64, float64; float32 with float64, float64', () => {
      const i = T([1, 2], 'int32');
      expectTensor(i.add(T([0.5, 0.25])), [2], [1.5, 2.25], 'float32');
      expectTensor(T([0.5, 0.25]).mul(i), [2], [0.5, 0.5], 'float32');
      if (dtypes.includes('float64')) {
        expectTensor(i.add(T([0.5, 0.25], 'float64')), [2], [1.5, 2.25], 'float64');
        expectTensor(T([0.1, 0.2]).add(T([0.1, 0.2], 'float64')), [2], [Math.fround(0.1) + 0.1, Math.fround(0.2) + 0.2], 'float64');
      }
      expectTensor(i.add(i), [2], [2, 4], 'int32');
    });

    it('number scalars keep the tensor dtype (float32 stays float32; an integer keeps int32; a fraction promotes int32 to float32)', () => {
      expectTensor(T([1, 2]).add(0.1), [2], [Math.fround(1.1), Math.fround(2.1)], 'float32');
      expectTensor(T([1, 2]).mul(2), [2], [2, 4], 'float32');
      if (dtypes.includes('float64')) expectTensor(T([1], 'float64').add(0.1), [1], [1.1], 'float64');
      expectTensor(T([1, 2], 'int32').mul(3), [2], [3, 6], 'int32');
      expectTensor(T([1, 2], 'int32').mul(2.5), [2], [2.5, 5], 'float32');
      expectTensor(E.sub(1, T([1, 2], 'int32')), [2], [0, -1], 'int32');
    });

    it('true division, mean and real-valued functions promote int32 to float32; neg/abs/square keep int32', () => {
      const i = T([1, 2, -3], 'int32');
      expectTensor(i.div(T([2, 2, 2], 'int32')), [3], [0.5, 1, -1.5], 'float32');
      expectTensor(i.div(2), [3], [0.5, 1, -1.5], 'float32');
      expectTensor(i.mean(), [], [0], 'float32');
      expectTensor(i.exp(), [3], roundTo('float32', [1, 2, -3].map(Math.exp)), 'float32');
      expectTensor(i.sigmoid(), [3], roundTo('float32', [1, 2, -3].map(REF_UNARY.sigmoid)), 'float32');
      expectTensor(i.neg(), [3], [-1, -2, 3], 'int32');
      expectTensor(i.abs(), [3], [1, 2, 3], 'int32');
      expectTensor(i.square(), [3], [1, 4, 9], 'int32');
      expectTensor(i.relu(), [3], [1, 2, 0], 'int32');
      expectTensor(i.sum(), [], [0], 'int32');
      expectTensor(i.pow(2), [3], [1, 4, 9], 'int32');
      expectTensor(i.clamp(0), [3], [1, 2, 0], 'int32');
      expectTensor(i.clamp(0.5), [3], [1, 2, 0.5], 'float32');
      expectTensor(E.cat([T([1], 'int32'), T([1.5])]), [2], [1, 1.5], 'float32');
    });
  });

  // ---- reductions ----------------------------------------------------------------------------

  describe('reductions', () => {
    const x = (): Tensor => T([[[1, 2, 3], [4, 5, 6]], [[-1, 0, 7], [2, 9, -4]]]); // [2, 2, 3]
    const xArr: Arr = { shape: [2, 2, 3], data: [1, 2, 3, 4, 5, 6, -1, 0, 7, 2, 9, -4] };

    it('sum and mean over all, one, several and negative dims, with and without keepdim', () => {
      expectTensor(x().sum(), [], [34]);
      expectTensor(x().sum(-1), [2, 2], [6, 15, 6, 7]);
      expectTensor(x().sum(0, true), [1, 2, 3], [0, 2, 10, 6, 14, 2]);
      expectTensor(x().sum([0, -1]), [2], [12, 22]);
      expectTensor(x().sum([2, 0], true), [1, 2, 1], [12, 22]);
      expectTensor(x().mean(), [], [34 / 12]);
      expectTensor(x().mean(1), [2, 3], [2.5, 3.5, 4.5, 0.5, 4.5, 1.5]);
      expectTensor(x().mean([-2, -1], true), [2, 1, 1], [3.5, 13 / 6].map(Math.fround));
      expectTensor(E.zeros([2, 0], { device }).sum(1), [2], [0, 0]);
    });

    it('sum and mean agree with the reference for random shapes and dims', () => {
      fc.assert(
        fc.property(
          shapeArb({ minRank: 1 }).chain((s) => fc.tuple(arrArb(s, 'float32'), fc.subarray(s.map((_, i) => i), { minLength: 1 }), fc.boolean())),
          ([a, dims, keepdim]) => {
            const ref = refReduce('sum', a, dims);
            const shape = keepdim ? ref.shape : a.shape.filter((_, i) => !dims.includes(i));
            const negDims = dims.map((d) => d - a.shape.length);
            expectClose(fromArr(a).sum(negDims, keepdim).toArray(), roundTo('float32', ref.data), 'float32', `sum ${negDims}`, ref.scale);
            expect([...fromArr(a).sum(dims, keepdim).shape]).toEqual(shape);
            const count = dims.reduce((n, d) => n * a.shape[d], 1);
            expectClose(
              fromArr(a).mean(dims, keepdim).toArray(),
              roundTo('float32', ref.data.map((v) => v / count)),
              'float32',
              `mean ${dims}`,
              ref.scale.map((s) => s / count),
            );
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('max / min (values) and argmax / argmin (first index on ties), keepdim and negative dims', () => {
      expectTensor(x().max(), [], [9]);
      expectTensor(x().min(), [], [-4]);
      expectTensor(x().max(-1), [2, 2], [3, 6, 7, 9]);
      expectTensor(x().min(0, true), [1, 2, 3], [-1, 0, 3, 2, 5, -4]);
      expectTensor(x().argmax(), [], [10], 'int32');
      expectTensor(x().argmin(-1), [2, 2], [0, 0, 0, 2], 'int32');
      expectTensor(x().argmax(1, true), [2, 1, 3], [1, 1, 1, 1, 1, 0], 'int32');
      expectTensor(T([[1, 3, 3], [2, 2, 2]]).argmax(1), [2], [1, 0], 'int32');
      expectTensor(T([[5, 1, 1]]).argmin(-1), [1], [1], 'int32');
      expectTensor(T([3, 1, 3], 'int32').max(), [], [3], 'int32');
      const ref = refReduce('max', xArr, [1]);
      expectTensor(x().max(1), [2, 3], ref.data);
      expect(() => E.zeros([2, 0]).max(1)).toThrow(/empty/);
    });

    it('logsumexp: matches log Σ exp, stable at ±1000, −∞ for all −∞ rows, keepdim and negative dims', () => {
      const lse = (row: number[]) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
      expectTensor(T([[1, 2, 3], [0, 0, 0]]).logsumexp(1), [2], roundTo('float32', [lse([1, 2, 3]), Math.log(3)]));
      expectTensor(T([[1, 2], [3, 4]]).logsumexp(-2, true), [1, 2], roundTo('float32', [lse([1, 3]), lse([2, 4])]));
      expectTensor(T([[1, 2], [3, 4]]).logsumexp([0, 1]), [], roundTo('float32', [lse([1, 2, 3, 4])]));
      const big = T([[1000, 1000, 999], [-1000, -1000, -1001], [-Infinity, -Infinity, -Infinity], [-Infinity, 0, -Infinity]]).logsumexp(1);
      const shifted = Math.log(2 + Math.exp(-1));
      expectTensor(big, [4], roundTo('float32', [1000 + shifted, -1000 + shifted, -Infinity, 0]));
      expectTensor(T([1, 2, 3], 'int32').logsumexp(0), [], roundTo('float32', [lse([1, 2, 3])]));
    });

    it('softmax: rows sum to 1, finite at ±1000, equal to the reference; logSoftmax likewise', () => {
      const s = T([[1, 2, 3], [1000, 1000, -1000], [-1000, -999, -1000], [0, 0, 0]]).softmax(1);
      const e = Math.exp(1) + Math.exp(2) + Math.exp(3);
      const mid = 1 / (1 + 2 * Math.exp(-1));
      expectTensor(s, [4, 3], roundTo('float32', [Math.exp(1) / e, Math.exp(2) / e, Math.exp(3) / e, 0.5, 0.5, 0, mid * Math.exp(-1), mid, mid * Math.exp(-1), 1 / 3, 1 / 3, 1 / 3]));
      expect(s.toArray().every(Number.isFinite)).toBe(true);
      expectClose(s.sum(1).toArray(), [1, 1, 1, 1], 'float32', 'softmax row sums');
      const ls = T([[1000, 0, -1000]]).logSoftmax(-1);
      expectTensor(ls, [1, 3], [0, -1000, -2000]);
      fc.assert(
        fc.property(shapeArb({ minRank: 1, maxRank: 3 }).chain((sh) => fc.tuple(arrArb(sh, 'float32', { min: -1000, max: 1000 }), fc.integer({ min: -sh.length, max: sh.length - 1 }))), ([a, dim]) => {
          const out = fromArr(a).softmax(dim);
          const values = out.toArray();
          expect(values.every((v) => Number.isFinite(v) && v >= 0 && v <= 1), show(values)).toBe(true);
          expectClose(out.sum(dim).toArray(), new Array(numel(a.shape) / a.shape.at(dim)!).fill(1), 'float32', `softmax(${dim}) sums of ${show(a.data)}`);
          expect(fromArr(a).logSoftmax(dim).toArray().every(Number.isFinite)).toBe(true);
        }),
        { numRuns: scaledRuns(20) },
      );
    });
  });

  // ---- matmul --------------------------------------------------------------------------------

  describe('matmul (torch.matmul rules)', () => {
    const rnd = (shape: number[], seed: number): Arr => ({ shape, data: roundTo('float32', seededValues(seed, numel(shape))) });
    /** Reference for 2-D [m,k]·[k,n] blocks. */
    const mm2 = (a: number[], b: number[], m: number, k: number, n: number) =>
      refMatmul(a, b, { batch: 1, m, k, n, aBatchStride: 0, bBatchStride: 0, transA: false, transB: false });

    it('1-D · 1-D is a dot product (0-d)', () => {
      expectTensor(E.matmul(T([1, 2, 3]), T([4, 5, 6])), [], [32]);
    });

    it('2-D · 2-D, 1-D · 2-D ([n]), 2-D · 1-D ([m])', () => {
      const a = rnd([3, 4], 1);
      const b = rnd([4, 5], 2);
      const ref = mm2(a.data, b.data, 3, 4, 5);
      expectClose(E.matmul(fromArr(a), fromArr(b)).toArray(), roundTo('float32', ref.data), 'float32', '2-D', ref.scale);
      expect([...E.matmul(fromArr(a), fromArr(b)).shape]).toEqual([3, 5]);
      expectTensor(E.matmul(T([1, 2]), T([[1, 2, 3], [4, 5, 6]])), [3], [9, 12, 15]);
      expectTensor(E.matmul(T([[1, 2, 3], [4, 5, 6]]), T([1, 0, -1])), [2], [-2, -2]);
    });

    it('batched with broadcast batch dims: [2,1,3,4]·[5,4,2] → [2,5,3,2]; 3-D·2-D; 1-D·3-D; 3-D·1-D', () => {
      const a = rnd([2, 1, 3, 4], 3);
      const b = rnd([5, 4, 2], 4);
      const out = E.matmul(fromArr(a), fromArr(b));
      expect([...out.shape]).toEqual([2, 5, 3, 2]);
      const expected: number[] = [];
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 5; j++) expected.push(...mm2(a.data.slice(i * 12, i * 12 + 12), b.data.slice(j * 8, j * 8 + 8), 3, 4, 2).data);
      }
      expectClose(out.toArray(), roundTo('float32', expected), 'float32', 'broadcast batch', expected.map(() => 4));

      const c = rnd([3, 2, 4], 5);
      const w = rnd([4, 3], 6);
      const cw = E.matmul(fromArr(c), fromArr(w));
      expect([...cw.shape]).toEqual([3, 2, 3]);
      const cwRef = [0, 1, 2].flatMap((t) => mm2(c.data.slice(t * 8, t * 8 + 8), w.data, 2, 4, 3).data);
      expectClose(cw.toArray(), roundTo('float32', cwRef), 'float32', '3-D · 2-D', cwRef.map(() => 4));

      expectTensor(E.matmul(T([1, -1]), T([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])), [2, 2], [-2, -2, -2, -2]);
      expectTensor(E.matmul(T([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), T([1, -1])), [2, 2], [-1, -1, -1, -1]);
    });

    it('bmm reads each operand transposed on request', () => {
      const a = T([[[1, 2], [3, 4], [5, 6]]]); // [1, 3, 2]
      const b = T([[[1, 0, 2], [0, 1, 3]]]); // [1, 2, 3]
      expectTensor(E.bmm(a, b, false, false), [1, 3, 3], [1, 2, 8, 3, 4, 18, 5, 6, 28]);
      expectTensor(E.bmm(a, a, true, false), [1, 2, 2], [35, 44, 44, 56]);
      expectTensor(E.bmm(a, a, false, true), [1, 3, 3], [5, 11, 17, 11, 25, 39, 17, 39, 61]);
      expectTensor(E.bmm(b, a, true, true), [1, 3, 3], [1, 3, 5, 2, 4, 6, 8, 18, 28]);
    });

    it('mismatched inner sizes are an error that names both shapes', () => {
      expect(() => E.matmul(T([[1, 2, 3]]), T([[1, 2]]))).toThrow(/\[1, 3\].*\[1, 2\]/);
      expect(() => E.matmul(T(1), T([1]))).toThrow();
      expect(() => E.bmm(E.zeros([2, 1, 2]), E.zeros([3, 2, 1]), false, false)).toThrow(/batch/);
    });

    it('empty batch: [0, 2, 3] · [3, 4] → [0, 2, 4]', () => {
      expectTensor(E.matmul(E.zeros([0, 2, 3], { device }), E.zeros([3, 4], { device })), [0, 2, 4], []);
    });
  });

  // ---- shape ops -----------------------------------------------------------------------------

  describe('shape ops', () => {
    const iota = (shape: number[], dtype: DType = 'float32') => E.tensor(Array.from({ length: numel(shape) }, (_, i) => i), { device, dtype, shape });

    it('reshape (with -1), view, flatten', () => {
      expectTensor(iota([2, 3]).reshape(3, -1), [3, 2], [0, 1, 2, 3, 4, 5]);
      expectTensor(iota([2, 3]).reshape([-1]), [6], [0, 1, 2, 3, 4, 5]);
      expectTensor(iota([2, 3]).view(1, 6, 1), [1, 6, 1], [0, 1, 2, 3, 4, 5]);
      expectTensor(iota([2, 3, 4]).flatten(1), [2, 12], Array.from({ length: 24 }, (_, i) => i));
      expectTensor(iota([2, 3, 4]).flatten(0, 1), [6, 4], Array.from({ length: 24 }, (_, i) => i));
      expectTensor(T(5).flatten(), [1], [5]);
      expectTensor(iota([0, 3]).reshape(-1, 3), [0, 3], []);
      expect(() => iota([2, 3]).reshape(4, -1)).toThrow(/reshape/);
      expect(() => iota([2, 3]).reshape(-1, -1)).toThrow(/-1/);
    });

    it('permute and transpose (incl. negative dims), .T', () => {
      expectTensor(iota([2, 3]).T, [3, 2], [0, 3, 1, 4, 2, 5]);
      expectTensor(iota([2, 3, 4]).permute(2, 0, 1), [4, 2, 3], [0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23]);
      expectTensor(iota([2, 3, 4]).transpose(0, -1), [4, 3, 2], [0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23]);
      expectTensor(iota([2, 3], 'int32').permute([1, 0]), [3, 2], [0, 3, 1, 4, 2, 5], 'int32');
      expect(() => iota([2, 3]).permute(0, 0)).toThrow(/permute/);
    });

    it('squeeze / unsqueeze (incl. negative dims)', () => {
      expectTensor(iota([1, 3, 1]).squeeze(), [3], [0, 1, 2]);
      expectTensor(iota([1, 3, 1]).squeeze(-1), [1, 3], [0, 1, 2]);
      expectTensor(iota([1, 3, 1]).squeeze(1), [1, 3, 1], [0, 1, 2]);
      expectTensor(iota([3]).unsqueeze(0), [1, 3], [0, 1, 2]);
      expectTensor(iota([3]).unsqueeze(-1), [3, 1], [0, 1, 2]);
      expectTensor(iota([2, 3]).unsqueeze(-2), [2, 1, 3], [0, 1, 2, 3, 4, 5]);
      expectTensor(T(4).unsqueeze(0), [1], [4]);
    });

    it('expand (stride-0 broadcast, -1 keeps a size)', () => {
      expectTensor(iota([3]).expand(2, 3), [2, 3], [0, 1, 2, 0, 1, 2]);
      expectTensor(iota([2, 1]).expand(-1, 3), [2, 3], [0, 0, 0, 1, 1, 1]);
      expectTensor(iota([1]).expand([2, 2, 2]), [2, 2, 2], new Array(8).fill(0));
      expect(() => iota([2]).expand(3)).toThrow(/expand/);
    });

    it('cat and stack along every dim (incl. negative), mixed sizes and empty parts', () => {
      const a = iota([2, 2]);
      const b = T([[10, 11], [12, 13]]);
      expectTensor(E.cat([a, b]), [4, 2], [0, 1, 2, 3, 10, 11, 12, 13]);
      expectTensor(E.cat([a, b], -1), [2, 4], [0, 1, 10, 11, 2, 3, 12, 13]);
      expectTensor(E.cat([a, E.zeros([0, 2], { device }), T([[7, 8]])], 0), [3, 2], [0, 1, 2, 3, 7, 8]);
      expectTensor(E.stack([a, b]), [2, 2, 2], [0, 1, 2, 3, 10, 11, 12, 13]);
      expectTensor(E.stack([a, b], 1), [2, 2, 2], [0, 1, 10, 11, 2, 3, 12, 13]);
      expectTensor(E.stack([a, b], -1), [2, 2, 2], [0, 10, 1, 11, 2, 12, 3, 13]);
      expectTensor(E.stack([T(1), T(2)]), [2], [1, 2]);
      expect(() => E.cat([a, iota([2, 3])], 0)).toThrow(/cat/);
    });

    it('gather, indexSelect (repeats allowed), narrow (incl. negative start)', () => {
      const x = T([[1, 2, 3], [4, 5, 6]]);
      const idx = E.tensor([[2, 0], [1, 1]], { device, dtype: 'int32' });
      expectTensor(x.gather(1, idx), [2, 2], [3, 1, 5, 5]);
      expectTensor(x.gather(0, E.tensor([[1, 0, 1]], { device, dtype: 'int32' })), [1, 3], [4, 2, 6]);
      expectTensor(x.indexSelect(0, [1, 1, 0]), [3, 3], [4, 5, 6, 4, 5, 6, 1, 2, 3]);
      expectTensor(x.indexSelect(-1, E.tensor([2, 0], { device, dtype: 'int32' })), [2, 2], [3, 1, 6, 4]);
      expectTensor(x.narrow(1, 1, 2), [2, 2], [2, 3, 5, 6]);
      expectTensor(x.narrow(-1, -1, 1), [2, 1], [3, 6]);
      expectTensor(x.narrow(0, 1, 0), [0, 3], []);
      expect(() => x.gather(1, E.tensor([[3]], { device, dtype: 'int32' }))).toThrow(/out of bounds/);
      expect(() => x.gather(1, T([[0]]))).toThrow(/int32/);
      expect(() => x.narrow(1, 2, 2)).toThrow(/narrow/);
    });
  });
}
