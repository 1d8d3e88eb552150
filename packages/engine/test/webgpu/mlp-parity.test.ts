/**
 * End to end: the lesson's notMNIST MLP (784→256 ReLU→10, Adam, batches of 128) trained for
 * one epoch on 1,024 real images, on webgpu and on the CPU from the same initial weights and
 * batch order. Every step's loss must agree to float32 accuracy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { notMNISTSubset } from './notmnist-subset.js';
import { trainMLP } from './train-mlp.js';

/** Float32 kernels summing in another order, compounded over 8 Adam steps; measured ≈1e-7 here. */
const LOSS_RTOL = 1e-5;

describe('the notMNIST MLP on webgpu', () => {
  let data: { images: Float32Array; labels: Int32Array };
  beforeAll(async () => {
    data = await notMNISTSubset(1024);
  }, 300_000);

  it('one epoch on 1,024 images: every per-step loss matches the CPU backend', () => {
    const cpu = trainMLP('cpu', data.images, data.labels);
    const gpu = trainMLP('webgpu', data.images, data.labels);
    expect(gpu.losses).toHaveLength(8);
    gpu.losses.forEach((loss, step) => {
      expect(Math.abs(loss - cpu.losses[step]), `step ${step}: webgpu ${loss}, cpu ${cpu.losses[step]}`).toBeLessThanOrEqual(LOSS_RTOL * cpu.losses[step]);
    });
    // it learns: the last loss is well below the first (ln 10 ≈ 2.30 at the start)
    expect(gpu.losses[7]).toBeLessThan(0.75 * gpu.losses[0]);
    const weights = gpu.model.parameters().map((p) => p.cpu().toArray());
    const reference = cpu.model.parameters().map((p) => p.toArray());
    weights.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - reference[i][j])).toBeLessThan(1e-4)));
  }, 300_000);
});
