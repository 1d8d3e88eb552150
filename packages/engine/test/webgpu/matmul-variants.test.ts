/**
 * The conformance suite runs the matmul kernel this machine's adapter gets (the direct one on
 * SwiftShader); this runs the other as well, so both kernels are proven wherever the tests run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MatmulSpec } from '../../src/backend/backend.js';
import { createWebGpuBackend } from '../../src/backend/webgpu/index.js';
import { startGpuThreadNode } from '../../src/backend/webgpu/start-gpu-thread-node.js';
import { eventLoopRegistry } from '../../src/backend/webgpu/collectable-registry.js';
import type { MatmulVariant } from '../../src/backend/webgpu/kernels/matmul.js';
import { expectClose, refMatmul, seededValues } from '../conformance/reference.js';
import { matmulCaseArb } from '../conformance/arbitraries.js';

for (const variant of ['tiled', 'direct'] as MatmulVariant[]) {
  describe(`the ${variant} matmul kernel`, () => {
    const gpu = createWebGpuBackend({ startThread: startGpuThreadNode, newRegistry: eventLoopRegistry, matmul: variant });

    const check = (spec: MatmulSpec, seed: number): void => {
      const a = Float32Array.from(seededValues(seed, (spec.aBatchStride === 0 ? 1 : spec.batch) * spec.m * spec.k));
      const b = Float32Array.from(seededValues(seed + 1, (spec.bBatchStride === 0 ? 1 : spec.batch) * spec.k * spec.n));
      const size = spec.batch * spec.m * spec.n;
      const got = gpu.read(gpu.matmul(gpu.fromTypedArray(a), gpu.fromTypedArray(b), spec, 'float32'), 'float32', size);
      const ref = refMatmul(Array.from(a), Array.from(b), spec);
      expectClose(got, ref.data.map(Math.fround), 'float32', `${variant} matmul ${JSON.stringify(spec)}`, ref.scale);
    };

    it('is the kernel in use', () => {
      expect(gpu.matmulVariant()).toBe(variant);
    });

    it('matches the reference across tile edges, transposes and batch strides (incl. 0)', () => {
      fc.assert(
        fc.property(matmulCaseArb(70), (c) => check(c.spec, c.seed)),
        { numRuns: 25 },
      );
    }, 120_000);
  });
}
