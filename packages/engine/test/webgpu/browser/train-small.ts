import { Adam, Generator, Linear, ReLU, Sequential, crossEntropy, tensor } from '../../../browser/engine.js';

export const STEPS = 15;

/** A small classifier trained for STEPS full-batch Adam steps on `device`; the loss of every step. */
export function trainSmall(device: string): number[] {
  const g = new Generator(7);
  const model = new Sequential(new Linear(16, 32, { generator: g }), new ReLU(), new Linear(32, 3, { generator: g })).to(device);
  const optimizer = new Adam(model.parameters(), { lr: 1e-2 });
  // three classes told apart by which third of the features is largest
  const rows = 48;
  const x = tensor(Array.from({ length: rows * 16 }, (_, i) => (Math.floor(i / 16) % 3 === Math.floor((i % 16) / 6) ? 1 : 0) + ((i * 37) % 11) / 22), { shape: [rows, 16] }).to(device);
  const y = tensor(Array.from({ length: rows }, (_, r) => r % 3), { dtype: 'int32' }).to(device);
  const losses: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    optimizer.zeroGrad();
    const loss = crossEntropy(model.forward(x), y);
    loss.backward();
    optimizer.step();
    losses.push(loss.cpu().item());
  }
  return losses;
}
