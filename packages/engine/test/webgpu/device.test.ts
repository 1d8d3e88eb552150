/**
 * The webgpu device as the lesson uses it — model.to('webgpu'), x.to('webgpu'),
 * loss.cpu().item() — and how it fails: float64, GPU-thread errors, a GPU thread that does
 * not answer, no adapter at all. Runs on whatever adapter the machine has (SwiftShader in CI).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { availableDevices, crossEntropy, tensor, webgpuBackend } from '../../src/index.js';
import { createWebGpuBackend } from '../../src/backend/webgpu/index.js';
import { GpuStorage } from '../../src/backend/webgpu/gpu-storage.js';
import { eventLoopRegistry } from '../../src/backend/webgpu/collectable-registry.js';
import { lessonMLP } from './train-mlp.js';

describe('the webgpu device', () => {
  it("is registered as 'webgpu' and starts on an adapter", () => {
    expect(availableDevices()).toContain('webgpu');
    const info = webgpuBackend.adapterInfo();
    expect(`${info.vendor} ${info.architecture} ${info.description}`.trim()).not.toBe('');
  });

  it("runs the lesson's code: model.to('webgpu'), x.to('webgpu'), loss.cpu().item(), the same loss as on the CPU", () => {
    const x = tensor(Array.from({ length: 4 * 784 }, (_, i) => ((i * 7919) % 255) / 255), { shape: [4, 784] });
    const y = tensor([3, 1, 4, 1], { dtype: 'int32' });
    const cpuLoss = crossEntropy(lessonMLP(3).forward(x), y);
    const model = lessonMLP(3).to('webgpu');
    expect(model.parameters().every((p) => p.device === 'webgpu')).toBe(true);
    const loss = crossEntropy(model.forward(x.to('webgpu')), y.to('webgpu'));
    expect(loss.device).toBe('webgpu');
    loss.backward();
    expect(model.parameters()[0].grad?.device).toBe('webgpu');
    expect(loss.cpu().item()).toBeCloseTo(cpuLoss.item(), 5);
  });

  it('refuses float64 with the fix: convert with .float() first', () => {
    const x = tensor([1, 2], { dtype: 'float64' });
    expect(() => x.to('webgpu')).toThrow(/float64.*\.float\(\)/);
    expect(x.float().to('webgpu').toArray()).toEqual([1, 2]);
  });

  it('an error on the GPU thread is thrown on the calling thread by the next read, and the device goes on working', () => {
    const ghost = new GpuStorage(2 ** 30, 4, 'float32');
    expect(() => webgpuBackend.read(ghost, 'float32', 4)).toThrow(/webgpu: .*storage #\d+ is not on the GPU/);
    expect(tensor([1, 2]).to('webgpu').mul(3).toArray()).toEqual([3, 6]);
  });

  it('a GPU thread that never answers ends in a clear error after the timeout, not a hang', () => {
    const silent = createWebGpuBackend({
      startThread: (channel) => ({ channel, post: () => {} }),
      newRegistry: eventLoopRegistry,
      timeoutMs: 200,
    });
    const started = Date.now();
    expect(() => silent.fromTypedArray(new Float32Array([1]))).toThrow(/did not start within 0.2 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('without an adapter, the first use says how to get one (libvulkan1, VK_ICD_FILENAMES)', () => {
    const fixture = fileURLToPath(new URL('./fixtures/first-use.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
    const run = spawnSync(tsx, [fixture], {
      env: { ...process.env, VK_ICD_FILENAMES: '/nonexistent/no_icd.json', VK_DRIVER_FILES: '/nonexistent/no_icd.json' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stdout).toMatch(/Device 'webgpu' is not available: no WebGPU adapter was found.*libvulkan1.*VK_ICD_FILENAMES/);
  }, 120_000);
});
