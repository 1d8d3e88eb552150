import { Adam, DataLoader, Generator, Linear, ReLU, Sequential, crossEntropy, tensor, type Module } from '../../src/index.js';

/** The lesson's notMNIST model, 784→256 ReLU→10, from a seed (so every device starts from the same weights). */
export function lessonMLP(seed: number): Module {
  const g = new Generator(seed);
  return new Sequential(new Linear(784, 256, { generator: g }), new ReLU(), new Linear(256, 10, { generator: g }));
}

export interface TrainRun {
  model: Module;
  /** The loss of every step, read back with loss.cpu().item() as the lesson does. */
  losses: number[];
  /** Called after each step (e.g. to sample memory statistics). */
  afterStep?: (step: number) => void;
}

/**
 * One or more epochs of the lesson's loop on `device`: batches made on the CPU in a seeded
 * order, moved with x.to(device), Adam lr 1e-3 — PyTorch's "move the model to the GPU" recipe.
 */
export function trainMLP(device: string, images: Float32Array, labels: Int32Array, options: { epochs?: number; batchSize?: number; afterStep?: (step: number) => void } = {}): TrainRun {
  const n = labels.length;
  const model = lessonMLP(0).to(device);
  const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
  const x = tensor(images, { shape: [n, 784] });
  const y = tensor(labels, { shape: [n] });
  const loader = new DataLoader([x, y], { batchSize: options.batchSize ?? 128, shuffle: true, generator: 1 });
  const losses: number[] = [];
  let step = 0;
  for (let epoch = 0; epoch < (options.epochs ?? 1); epoch++) {
    for (const [xb, yb] of loader) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(xb.to(device)), yb.to(device));
      loss.backward();
      optimizer.step();
      losses.push(loss.cpu().item());
      options.afterStep?.(step++);
    }
  }
  return { model, losses };
}
