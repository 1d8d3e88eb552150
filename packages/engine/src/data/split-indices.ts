import { Generator } from '../random/generator.js';

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) (test size ceil(testSize·n), as scikit-learn) or a whole count ≥ 1. */
  testSize: number;
  /** Shuffle before splitting (default true). Without shuffling, the test set is the last indices. */
  shuffle?: boolean;
  /** Integer seed of the shuffle; required when shuffle is true. */
  seed?: number;
  /** One label per index: each class gets (about) the same share of train and test. Needs shuffle. */
  stratify?: Int32Array | readonly number[];
}

export interface TrainTestSplit {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Splits the indices 0 … n−1 into train and test, like scikit-learn's train_test_split on
 * `arange(n)`: n_test = ceil(testSize·n) for a fraction (plain double arithmetic, as scikit-learn,
 * so e.g. 0.07·100 = 7.000000000000001 gives 8), n_train = n − n_test. Shuffled splits are
 * deterministic under `seed` (the engine's Generator); stratified splits follow scikit-learn's
 * StratifiedShuffleSplit allocation (each class's train count is the floor or the ceiling of its
 * share; ties broken at random under the seed), not its random stream.
 *
 *   trainTestSplitIndices(18724, { testSize: 0.2, seed: 0 })  // test 3745, train 14979
 *
 * A whole-number testSize is a count: testSize 1 means one test sample, not "everything".
 */
export function trainTestSplitIndices(n: number, options: TrainTestSplitOptions): TrainTestSplit {
  const { testSize, shuffle = true, seed, stratify } = options;
  const [nTrain, nTest] = splitSizes(n, testSize);

  if (!shuffle) {
    if (stratify !== undefined) {
      throw new Error('trainTestSplitIndices: stratify needs shuffle: true (as in scikit-learn); give a seed as well.');
    }
    return { train: range(0, nTrain), test: range(nTrain, n) };
  }
  if (seed === undefined) {
    throw new Error('trainTestSplitIndices: seed is required when shuffle is true, e.g. { testSize: 0.2, seed: 42 }.');
  }
  if (!Number.isInteger(seed)) throw new TypeError(`trainTestSplitIndices: seed must be an integer, got ${seed}.`);
  const gen = new Generator(seed);

  if (stratify === undefined) {
    const order = gen.permutation(n);
    return { train: order.slice(nTest), test: order.slice(0, nTest) };
  }
  return stratifiedSplit(n, nTrain, nTest, stratify, gen);
}

/** [n_train, n_test] as scikit-learn computes them, or an error saying what is wrong. */
function splitSizes(n: number, testSize: number): [number, number] {
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(`trainTestSplitIndices: n must be an integer ≥ 2 to split, got ${n}.`);
  }
  if (typeof testSize !== 'number' || !Number.isFinite(testSize) || testSize <= 0) {
    throw new RangeError(
      `trainTestSplitIndices: testSize must be a fraction in (0, 1) or a whole count ≥ 1, got ${testSize}.`,
    );
  }
  let nTest: number;
  if (testSize < 1) nTest = Math.ceil(testSize * n);
  else if (Number.isInteger(testSize)) nTest = testSize;
  else {
    throw new RangeError(
      `trainTestSplitIndices: testSize ${testSize} is neither a fraction in (0, 1) nor a whole count.`,
    );
  }
  if (nTest >= n) {
    throw new RangeError(
      `trainTestSplitIndices: testSize ${testSize} gives ${nTest} test samples of ${n}, leaving none to train on.`,
    );
  }
  return [n - nTest, nTest];
}

function stratifiedSplit(
  n: number,
  nTrain: number,
  nTest: number,
  labels: Int32Array | readonly number[],
  gen: Generator,
): TrainTestSplit {
  if (labels.length !== n) {
    throw new RangeError(`trainTestSplitIndices: stratify has ${labels.length} labels but n is ${n}; give one label per index.`);
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (typeof y !== 'number' || Number.isNaN(y)) {
      throw new TypeError(`trainTestSplitIndices: stratify[${i}] is ${y}, not a number.`);
    }
    let list = members.get(y);
    if (list === undefined) members.set(y, (list = []));
    list.push(i);
  }
  const classes = [...members.keys()].sort((a, b) => a - b);
  const groups = classes.map((c) => members.get(c)!);
  const counts = groups.map((g) => g.length);
  const smallest = counts.indexOf(Math.min(...counts));
  if (counts[smallest] < 2) {
    throw new RangeError(
      `trainTestSplitIndices: class ${classes[smallest]} of stratify has only 1 member; each class needs at least 2.`,
    );
  }
  if (nTrain < classes.length || nTest < classes.length) {
    throw new RangeError(
      `trainTestSplitIndices: train (${nTrain}) and test (${nTest}) must each hold at least one sample ` +
        `of each of the ${classes.length} classes.`,
    );
  }
  const trainCounts = approximateMode(counts, nTrain, gen);
  const testCounts = approximateMode(
    counts.map((c, i) => c - trainCounts[i]),
    nTest,
    gen,
  );
  const train = new Int32Array(nTrain);
  const test = new Int32Array(nTest);
  let tr = 0;
  let te = 0;
  groups.forEach((group, c) => {
    const order = gen.permutation(group.length);
    let j = 0;
    for (let k = 0; k < trainCounts[c]; k++) train[tr++] = group[order[j++]];
    for (let k = 0; k < testCounts[c]; k++) test[te++] = group[order[j++]];
  });
  return { train: shuffled(train, gen), test: shuffled(test, gen) };
}

/**
 * scikit-learn's _approximate_mode: split nDraws among classes in proportion to counts; each class
 * gets the floor of its share, and the remaining draws go to the largest fractional parts (ties at
 * random).
 */
function approximateMode(counts: readonly number[], nDraws: number, gen: Generator): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = nDraws - floored.reduce((a, b) => a + b, 0);
  if (needToAdd > 0) {
    const remainder = continuous.map((x, i) => x - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const tied = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(tied.length, needToAdd);
      const order = addNow < tied.length ? gen.permutation(tied.length) : null;
      for (let k = 0; k < addNow; k++) floored[tied[order === null ? k : order[k]]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

function shuffled(values: Int32Array, gen: Generator): Int32Array {
  const order = gen.permutation(values.length);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[order[i]];
  return out;
}

function range(start: number, end: number): Int32Array {
  const out = new Int32Array(end - start);
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
