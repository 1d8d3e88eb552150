import { describe, expect, it } from 'vitest';
import { DataLoader, TensorDataset, arange, tensor, trainTestSplit, Generator } from '../../src/index.js';

const rows = (n: number) => arange(n * 2, undefined, 1, { dtype: 'float32' }).reshape(n, 2);

describe('TensorDataset', () => {
  it('pairs rows of tensors with the same first dim', () => {
    const ds = new TensorDataset(rows(5), arange(5));
    expect(ds.length).toBe(5);
    const [x, y] = ds.rows([4, 0]);
    expect(x.tolist()).toEqual([[8, 9], [0, 1]]);
    expect(y.toArray()).toEqual([4, 0]);
  });

  it('refuses tensors with different numbers of rows, naming the shapes', () => {
    expect(() => new TensorDataset(rows(5), arange(4))).toThrow(/same number of rows.*\[5, 2\] and \[4\]/);
    expect(() => new TensorDataset()).toThrow(/at least one tensor/);
  });
});

describe('DataLoader', () => {
  it('yields every row once per epoch in batches, the last one smaller', () => {
    const loader = new DataLoader([rows(10), arange(10)], { batchSize: 4 });
    expect(loader.length).toBe(3);
    const batches = [...loader];
    expect(batches.map(([x]) => x.shape[0])).toEqual([4, 4, 2]);
    expect(batches.flatMap(([, y]) => y.toArray())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops the short last batch when asked', () => {
    const loader = new DataLoader([arange(10)], { batchSize: 4, dropLast: true });
    expect(loader.length).toBe(2);
    expect([...loader].map(([y]) => y.shape[0])).toEqual([4, 4]);
  });

  it('shuffles with a new order every epoch, the same sequence for the same seed', () => {
    const epochs = (seed: number) => {
      const loader = new DataLoader([arange(20)], { batchSize: 20, shuffle: true, generator: new Generator(seed) });
      return [0, 1, 2].map(() => [...loader][0][0].toArray());
    };
    const a = epochs(7);
    expect(a).toEqual(epochs(7));
    expect(a[0]).not.toEqual(a[1]);
    for (const order of a) expect([...order].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect(epochs(8)[0]).not.toEqual(a[0]);
  });

  it('keeps x and y rows together when shuffling', () => {
    const x = rows(12);
    const y = arange(12);
    for (const [xb, yb] of new DataLoader([x, y], { batchSize: 5, shuffle: true, generator: 3 })) {
      const ys = yb.toArray();
      expect(xb.tolist()).toEqual(ys.map((i) => [2 * i, 2 * i + 1]));
    }
  });

  it('rejects a batch size that is not a positive integer', () => {
    expect(() => new DataLoader([arange(3)], { batchSize: 0 })).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => new DataLoader([arange(3)], { batchSize: 2.5 })).toThrow(/positive integer/);
  });
});

describe('trainTestSplit', () => {
  it('splits the same rows of every tensor, in sklearn order and sizes', () => {
    const x = rows(10);
    const y = arange(10);
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, y], { testSize: 0.25, seed: 1 });
    expect(xTest.shape).toEqual([3, 2]); // ceil(0.25 · 10) = 3, as sklearn
    expect(xTrain.shape).toEqual([7, 2]);
    expect(xTrain.tolist()).toEqual(yTrain.toArray().map((i) => [2 * i, 2 * i + 1]));
    expect(xTest.tolist()).toEqual(yTest.toArray().map((i) => [2 * i, 2 * i + 1]));
    expect([...yTrain.toArray(), ...yTest.toArray()].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });

  it('gives the lesson’s sizes for 18,724 images: 11,983 / 2,996 / 3,745', () => {
    const y = arange(18_724);
    const [rest, test] = trainTestSplit([y], { testSize: 0.2, seed: 42 });
    const [train, val] = trainTestSplit([rest], { testSize: 0.2, seed: 42 });
    expect([train.shape[0], val.shape[0], test.shape[0]]).toEqual([11_983, 2_996, 3_745]);
  });

  it('is deterministic under a seed and stratifies by a label tensor', () => {
    const labels = tensor(Int32Array.from({ length: 40 }, (_, i) => (i < 30 ? 0 : 1)));
    const split = (seed: number) => trainTestSplit([labels], { testSize: 0.25, seed, stratify: labels });
    const [train, test] = split(5);
    expect(split(5)[1].toArray()).toEqual(test.toArray());
    expect(test.toArray().filter((v) => v === 1).length).toBeGreaterThanOrEqual(2);
    expect(test.toArray().filter((v) => v === 1).length).toBeLessThanOrEqual(3);
    expect(train.shape[0] + test.shape[0]).toBe(40);
  });

  it('refuses tensors with different row counts', () => {
    expect(() => trainTestSplit([rows(4), arange(5)], { testSize: 0.5, seed: 0 })).toThrow(/same number of rows/);
  });
});
