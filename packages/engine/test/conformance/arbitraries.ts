/** fast-check generators for shapes, broadcasting pairs and values, shared by the conformance tests. */
import fc from 'fast-check';
import type { MatmulSpec } from '../../src/backend/backend.js';
import type { DType } from '../../src/tensor/dtype.js';
import { numel, type Arr } from './reference.js';

export interface ShapeOptions {
  minRank?: number;
  maxRank?: number;
  minDim?: number;
  maxDim?: number;
}

export function shapeArb({ minRank = 0, maxRank = 4, minDim = 1, maxDim = 4 }: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength: minRank, maxLength: maxRank });
}

/**
 * Two shapes that broadcast: an output shape, then each operand drops some leading dims and
 * turns some dims into 1 (so row/column vectors, 0-d, [1] and size-0 dims all appear).
 */
export function broadcastPairArb(options: ShapeOptions = {}): fc.Arbitrary<[number[], number[]]> {
  const operand = (out: number[]) =>
    fc
      .tuple(fc.integer({ min: 0, max: out.length }), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }))
      .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
  return shapeArb({ minDim: 0, ...options }).chain((out) => fc.tuple(operand(out), operand(out)));
}

export interface ValueOptions {
  min?: number;
  max?: number;
  /** draw integers only (gives ties; int32 always does) */
  integers?: boolean;
}

/** One value representable in dtype, in [min, max]. */
export function valueArb(dtype: DType, { min = -10, max = 10, integers = false }: ValueOptions = {}): fc.Arbitrary<number> {
  if (dtype === 'int32' || integers) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (dtype === 'float32') return fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

export function valuesArb(n: number, dtype: DType, options: ValueOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(valueArb(dtype, options), { minLength: n, maxLength: n });
}

/** An array of the given shape with values of dtype. */
export function arrArb(shape: number[], dtype: DType, options: ValueOptions = {}): fc.Arbitrary<Arr> {
  return valuesArb(numel(shape), dtype, options).map((data) => ({ shape: [...shape], data }));
}

/** A sorted subset of 0..ndim-1 (possibly empty). */
export function axesArb(ndim: number, { minCount = 0, maxCount = ndim }: { minCount?: number; maxCount?: number } = {}): fc.Arbitrary<number[]> {
  return fc
    .subarray(
      Array.from({ length: ndim }, (_, i) => i),
      { minLength: Math.min(minCount, ndim), maxLength: Math.min(maxCount, ndim) },
    )
    .map((a) => [...a].sort((x, y) => x - y));
}

/** Runs per property: enough to explore, few enough that the whole suite stays fast (CONFORMANCE_RUNS=1000 for a soak). */
export const RUNS = Number(process.env.CONFORMANCE_RUNS ?? 40);

/** A run count given for the default of 40, scaled with CONFORMANCE_RUNS. */
export const scaledRuns = (n: number): number => Math.max(1, Math.round((n * RUNS) / 40));

/**
 * A batched product (sizes up to maxDim, so tile edges for a large one; either transpose; either
 * operand shared across the batch with stride 0) and a seed for its values.
 */
export function matmulCaseArb(maxDim: number): fc.Arbitrary<{ spec: MatmulSpec; seed: number }> {
  const dim = fc.integer({ min: 1, max: maxDim });
  return fc
    .record({ batch: fc.integer({ min: 1, max: 3 }), m: dim, k: dim, n: dim, transA: fc.boolean(), transB: fc.boolean(), shareA: fc.boolean(), shareB: fc.boolean(), seed: fc.nat() })
    .map(({ shareA, shareB, seed, ...c }) => ({ spec: { ...c, aBatchStride: shareA ? 0 : c.m * c.k, bBatchStride: shareB ? 0 : c.k * c.n }, seed }));
}
