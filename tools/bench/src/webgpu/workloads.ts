import { Adam, Linear, ReLU, Sequential, Generator, crossEntropy, tensor, type Tensor } from '@dlcourse/engine';
import { classArray, uniformArray } from '../synthetic.js';

/** A matmul of m×k by k×n on `device`, ending in a read so that the GPU's work is inside the timing. */
export function matmulRun(device: string, m: number, k: number, n: number): () => void {
  const a = tensor(uniformArray(1, m * k, -1, 1), { shape: [m, k] }).to(device);
  const b = tensor(uniformArray(2, k * n, -1, 1), { shape: [k, n] }).to(device);
  // reading one element forces the whole product (the GPU thread runs commands in order)
  return () => void a.matmul(b).reshape([-1]).narrow(0, 0, 1).item();
}

/** One epoch of the lesson's MLP (784→256 ReLU→10, Adam, batch 128) on `rows` synthetic samples; reads every loss. */
export function mlpEpochRun(device: string, rows: number): () => void {
  const g = new Generator(0);
  const model = new Sequential(new Linear(784, 256, { generator: g }), new ReLU(), new Linear(256, 10, { generator: g })).to(device);
  const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
  const batches: [Tensor, Tensor][] = [];
  for (let start = 0; start < rows; start += 128) {
    const size = Math.min(128, rows - start);
    batches.push([tensor(uniformArray(10 + start, size * 784, 0, 1), { shape: [size, 784] }), tensor(classArray(20 + start, size, 10), { dtype: 'int32' })]);
  }
  return () => {
    for (const [x, y] of batches) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(x.to(device)), y.to(device));
      loss.backward();
      optimizer.step();
      loss.cpu().item();
    }
  };
}
