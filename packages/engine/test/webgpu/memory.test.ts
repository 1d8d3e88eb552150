/**
 * A long synchronous training loop must not grow GPU memory: storages that are garbage
 * collected free their buffers (run on demand inside the loop, see
 * collectable-registry-node.ts), and freed buffers are reused from the size-bucket pool.
 */
import { describe, expect, it } from 'vitest';
import { webgpuBackend, type GpuMemoryStats } from '../../src/index.js';
import { trainMLP } from './train-mlp.js';

describe('webgpu memory across many training steps', () => {
  it('buffer count, bytes and live storages stay flat over 5 epochs of the MLP (20 steps, no await in the loop)', () => {
    const n = 128;
    const images = Float32Array.from({ length: n * 784 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
    const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 10);
    const samples: (GpuMemoryStats & { liveStorages: number })[] = [];
    trainMLP('webgpu', images, labels, { epochs: 5, batchSize: 32, afterStep: () => samples.push(webgpuBackend.memoryStats()) });
    const afterFirstEpoch = samples[3];
    const total = (s: GpuMemoryStats) => s.liveBytes + s.pooledBytes;
    // the same shapes recur every step, so after the first epoch nothing should grow
    for (const [step, s] of samples.slice(4).entries()) {
      const what = `step ${step + 5} vs the end of epoch 1`;
      expect(s.liveStorages, `${what}: live storages`).toBeLessThanOrEqual(afterFirstEpoch.liveStorages + 8);
      expect(s.liveBuffers, `${what}: live buffers`).toBeLessThanOrEqual(afterFirstEpoch.liveBuffers + 8);
      expect(total(s), `${what}: live + pooled bytes`).toBeLessThanOrEqual(total(afterFirstEpoch) * 1.25);
    }
  }, 120_000);
});
