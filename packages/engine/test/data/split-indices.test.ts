import { describe, expect, it } from 'vitest';
import { trainTestSplitIndices } from '../../src/data/index.js';

function expectPartition(train: Int32Array, test: Int32Array, n: number): void {
  const seen = new Uint8Array(n);
  for (const i of [...train, ...test]) {
    expect(i >= 0 && i < n).toBe(true);
    seen[i]++;
  }
  expect(seen.every((c) => c === 1)).toBe(true); // disjoint, and together all of 0 … n−1
}

/** notMNIST_small-like labels: 18,724 images, classes of 1872–1873. */
function notMnistLabels(): Int32Array {
  const counts = [1872, 1873, 1873, 1873, 1873, 1872, 1872, 1872, 1872, 1872];
  const labels = new Int32Array(18_724);
  let k = 0;
  counts.forEach((count, c) => labels.fill(c, k, (k += count)));
  return labels;
}

describe('trainTestSplitIndices', () => {
  it('sizes the sets as scikit-learn: n_test = ceil(testSize·n)', () => {
    const first = trainTestSplitIndices(18_724, { testSize: 0.2, seed: 0 });
    expect([first.train.length, first.test.length]).toEqual([14_979, 3_745]);
    const second = trainTestSplitIndices(14_979, { testSize: 0.2, seed: 0 });
    expect([second.train.length, second.test.length]).toEqual([11_983, 2_996]);
    expect(trainTestSplitIndices(10, { testSize: 0.25, seed: 0 }).test.length).toBe(3);
    // Python: math.ceil(0.07 * 100) == 8, because 0.07 * 100 == 7.000000000000001; we agree.
    expect(trainTestSplitIndices(100, { testSize: 0.07, seed: 0 }).test.length).toBe(8);
  });

  it('takes a whole testSize as a count', () => {
    const { train, test } = trainTestSplitIndices(100, { testSize: 30, seed: 1 });
    expect([train.length, test.length]).toEqual([70, 30]);
    expect(trainTestSplitIndices(5, { testSize: 1, seed: 1 }).test.length).toBe(1);
  });

  it('returns a partition of 0 … n−1 as Int32Arrays', () => {
    const { train, test } = trainTestSplitIndices(1_000, { testSize: 0.3, seed: 7 });
    expect(train).toBeInstanceOf(Int32Array);
    expect(test).toBeInstanceOf(Int32Array);
    expectPartition(train, test, 1_000);
  });

  it('is deterministic under the seed, and different seeds give different splits', () => {
    const a = trainTestSplitIndices(1_000, { testSize: 0.2, seed: 42 });
    const b = trainTestSplitIndices(1_000, { testSize: 0.2, seed: 42 });
    const c = trainTestSplitIndices(1_000, { testSize: 0.2, seed: 43 });
    expect(b.train).toEqual(a.train);
    expect(b.test).toEqual(a.test);
    expect(c.test).not.toEqual(a.test);
  });

  it('without shuffle keeps the order: train first, test last', () => {
    const { train, test } = trainTestSplitIndices(10, { testSize: 0.3, shuffle: false });
    expect(Array.from(train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(test)).toEqual([7, 8, 9]);
  });

  it('stratified: every class in proportion (±1), still a deterministic partition', () => {
    const labels = notMnistLabels();
    const split = trainTestSplitIndices(labels.length, { testSize: 0.2, seed: 3, stratify: labels });
    expect([split.train.length, split.test.length]).toEqual([14_979, 3_745]);
    expectPartition(split.train, split.test, labels.length);
    const classCounts = new Array(10).fill(0);
    const testCounts = new Array(10).fill(0);
    for (const y of labels) classCounts[y]++;
    for (const i of split.test) testCounts[labels[i]]++;
    classCounts.forEach((count, c) => {
      expect(Math.abs(testCounts[c] - (count * split.test.length) / labels.length)).toBeLessThanOrEqual(1);
    });
    const again = trainTestSplitIndices(labels.length, { testSize: 0.2, seed: 3, stratify: Array.from(labels) });
    expect(again.test).toEqual(split.test);
    expect(again.train).toEqual(split.train);
    expect(trainTestSplitIndices(labels.length, { testSize: 0.2, seed: 4, stratify: labels }).test).not.toEqual(split.test);
  });

  it('stratified with unbalanced, unordered labels of any values', () => {
    const labels = Array.from({ length: 503 }, (_, i) => (i % 7 === 0 ? -5 : i % 3 === 0 ? 100 : 2));
    const split = trainTestSplitIndices(labels.length, { testSize: 0.25, seed: 9, stratify: labels });
    expectPartition(split.train, split.test, labels.length);
    for (const value of [-5, 2, 100]) {
      const count = labels.filter((y) => y === value).length;
      const inTest = Array.from(split.test).filter((i) => labels[i] === value).length;
      expect(Math.abs(inTest - (count * split.test.length) / labels.length)).toBeLessThanOrEqual(1);
    }
  });

  it('rejects bad sizes with clear errors', () => {
    expect(() => trainTestSplitIndices(10, { testSize: 0, seed: 0 })).toThrow(/fraction in \(0, 1\) or a whole count/);
    expect(() => trainTestSplitIndices(10, { testSize: -0.2, seed: 0 })).toThrow(/fraction in \(0, 1\)/);
    expect(() => trainTestSplitIndices(10, { testSize: 1.5, seed: 0 })).toThrow(/neither a fraction/);
    expect(() => trainTestSplitIndices(10, { testSize: Number.NaN, seed: 0 })).toThrow(/fraction/);
    expect(() => trainTestSplitIndices(10, { testSize: 10, seed: 0 })).toThrow(/10 test samples of 10, leaving none to train on/);
    expect(() => trainTestSplitIndices(10, { testSize: 0.99, seed: 0 })).toThrow(/leaving none to train on/);
    expect(() => trainTestSplitIndices(1, { testSize: 0.5, seed: 0 })).toThrow(/n must be an integer ≥ 2/);
  });

  it('rejects a missing seed, a stratify of the wrong length, and stratify without shuffle', () => {
    expect(() => trainTestSplitIndices(10, { testSize: 0.2 })).toThrow(/seed is required/);
    expect(() => trainTestSplitIndices(10, { testSize: 0.2, seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => trainTestSplitIndices(10, { testSize: 0.2, seed: 0, stratify: [0, 1, 0] })).toThrow(
      /stratify has 3 labels but n is 10/,
    );
    expect(() => trainTestSplitIndices(4, { testSize: 0.5, shuffle: false, stratify: [0, 0, 1, 1] })).toThrow(
      /stratify needs shuffle/,
    );
  });

  it('rejects stratification that cannot work', () => {
    expect(() => trainTestSplitIndices(5, { testSize: 0.4, seed: 0, stratify: [0, 0, 0, 0, 1] })).toThrow(
      /class 1 of stratify has only 1 member/,
    );
    expect(() => trainTestSplitIndices(6, { testSize: 0.2, seed: 0, stratify: [0, 0, 1, 1, 2, 2] })).toThrow(
      /at least one sample of each of the 3 classes/,
    );
  });
});
