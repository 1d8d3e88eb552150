import fc from 'fast-check';
import { describe } from 'vitest';
import { Tensor, tensor } from '@dlcourse/engine';
import { arb, checkProperty, expectClose, graded, GradingFailure, type Tolerance } from '@dlcourse/grading';
import * as student from '@submission/exercise-6';
import { rubric } from '../rubric.js';

const { items } = rubric;
/** float64 inputs; room for E[x²] − E[x]² and other orders of the same sums. */
const tolerance: Tolerance = { relative: 1e-6, absolute: 1e-9 };

interface Expected {
  xTrain: number[];
  xTest: number[];
  mean: number[];
  std: number[];
}

/** README §6.2 on plain numbers: μ, σ (divide by N, 0 → 1) of the training columns, applied to both. */
function reference(train: number[][], test: number[][]): Expected {
  const d = train[0].length;
  const mean = Array.from({ length: d }, (_, j) => train.reduce((s, r) => s + r[j], 0) / train.length);
  const std = Array.from({ length: d }, (_, j) => {
    const sigma = Math.sqrt(train.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / train.length);
    return sigma === 0 ? 1 : sigma;
  });
  const z = (rows: number[][]) => rows.flatMap((r) => r.map((v, j) => (v - mean[j]) / std[j]));
  return { xTrain: z(train), xTest: z(test), mean, std };
}

function matrix(rows: number[][], dtype: 'float32' | 'float64' = 'float64'): Tensor {
  return arb.printable(tensor(Float64Array.from(rows.flat()), { shape: [rows.length, rows[0].length], dtype }));
}

/** Calls the submission and compares all four results with the reference. */
function expectStandardized(train: number[][], test: number[][], dtype: 'float32' | 'float64' = 'float64'): void {
  const xTrain = matrix(train, dtype);
  const xTest = matrix(test, dtype);
  const inputs = { xTrain, xTest };
  const expected = reference(train, test);
  const got = student.standardize(xTrain, xTest) as unknown;
  if (got === null || typeof got !== 'object') {
    throw new GradingFailure({ fn: 'standardize', problem: 'it should return { xTrain, xTest, mean, std }.', inputs, got });
  }
  const result = got as Record<string, unknown>;
  const d = train[0].length;
  const tol = dtype === 'float64' ? tolerance : { relative: 1e-5, absolute: 1e-5 };
  for (const name of ['mean', 'std'] as const) {
    const value = result[name];
    if (!(value instanceof Tensor) || value.numel() !== d || !(value.ndim === 1 || (value.ndim === 2 && value.shape[0] === 1))) {
      throw new GradingFailure({
        fn: 'standardize',
        problem: `${name} should be a Tensor of shape [${d}] (one value per column), but it is ${value instanceof Tensor ? `of shape [${value.shape.join(', ')}]` : typeof value}.`,
        inputs,
      });
    }
    expectClose(value.reshape(d), tensor(Float64Array.from(expected[name])), {
      fn: 'standardize',
      what: name === 'mean' ? 'mean (of the TRAINING columns)' : 'std (of the TRAINING columns: √(mean((x − μ)²)), divide by N, 0 replaced by 1)',
      inputs,
      tolerance: tol,
    });
  }
  expectClose(result.xTrain, tensor(Float64Array.from(expected.xTrain), { shape: xTrain.shape }), { fn: 'standardize', what: 'xTrain, standardized', inputs, tolerance: tol });
  expectClose(result.xTest, tensor(Float64Array.from(expected.xTest), { shape: xTest.shape }), {
    fn: 'standardize',
    what: 'xTest, standardized with the TRAINING mean and std',
    inputs,
    tolerance: tol,
  });
  expectClose(xTrain, tensor(Float64Array.from(train.flat()), { shape: xTrain.shape }), { fn: 'standardize', what: 'xTrain after the call (standardize must not change its inputs)', inputs, tolerance: { relative: 0, absolute: 0 } });
  expectClose(xTest, tensor(Float64Array.from(test.flat()), { shape: xTest.shape }), { fn: 'standardize', what: 'xTest after the call (standardize must not change its inputs)', inputs, tolerance: { relative: 0, absolute: 0 } });
}

const grid = (min: number, max: number) => arb.value({ min, max, step: 1 / 64 });

/**
 * A training split and a test split drawn from different distributions: the test rows are
 * shifted and stretched, so their own mean and std (or those of both splits together) differ
 * from the training ones. Every training column holds two different values at least.
 */
const splits = fc
  .record({ nTrain: fc.integer({ min: 2, max: 10 }), nTest: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nTrain, nTest, d }) =>
    fc.record({
      train: fc.array(fc.array(grid(-4, 4), { minLength: d, maxLength: d }), { minLength: nTrain, maxLength: nTrain }),
      test: fc.array(fc.array(grid(-4, 4), { minLength: d, maxLength: d }), { minLength: nTest, maxLength: nTest }),
      shift: grid(2, 8),
      stretch: fc.integer({ min: 2, max: 4 }),
    }),
  )
  .map(({ train, test, shift, stretch }) => {
    // Make the first two training rows differ in every column (no column is constant here).
    const rows = train.map((r) => [...r]);
    rows[1] = rows[1].map((v, j) => (v === rows[0][j] ? v + 1 : v));
    return { train: rows, test: test.map((r) => r.map((v) => v * stretch + shift)) };
  });

describe('standardize', () => {
  graded(items.standardize, () => {
    // A readable case: μ = (4, 25), σ = (√5, √125); the test rows are far from the training ones.
    expectStandardized(
      [
        [1, 10],
        [3, 20],
        [5, 30],
        [7, 40],
      ],
      [
        [100, 0],
        [4, 25],
      ],
    );
    expectStandardized(
      [
        [0.5, -2, 8],
        [1.5, 2, 8.5],
        [2.5, 0, 9],
      ],
      [[10, 10, 10]],
      'float32',
    );
    checkProperty(splits, ({ train, test }) => expectStandardized(train, test), { numRuns: 40 });
  });

  graded(items.standardizeConstant, () => {
    // Column 1 is constant in the training rows (σ = 0): it divides by 1, so it becomes x − 2.5.
    expectStandardized(
      [
        [1, 2.5],
        [2, 2.5],
        [6, 2.5],
      ],
      [
        [3, 4],
        [0, 1],
      ],
    );
    expectStandardized(
      [
        [0, -1, 3],
        [0, 1, 3],
      ],
      [[1, 0, 5]],
      'float32',
    );
  });
});
