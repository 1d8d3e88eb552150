/**
 * The native float32 matmul (packages/engine/native/) against the float64 reference: shapes
 * around its 8×32 tile, its 256-deep k-blocks, 128-row and 512-column blocks, every transpose,
 * batches with shared operands, the bias, non-finite values; refused calls; and the cpu
 * backend's choice between it and the WebAssembly kernels.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { MatmulSpec } from '../../src/backend/backend.js';
import { createCpuMatmul } from '../../src/backend/cpu/matmul-cpu.js';
import { NativeMatmul, type NativeKernel } from '../../src/backend/cpu/native/native-matmul.js';
import { loadNativeKernel, nodeHost } from '../../src/backend/cpu/wasm/node-host.js';
import { WasmMatmul } from '../../src/backend/cpu/wasm/wasm-matmul.js';
import { firstMismatch, runKernel, productOperands as operands, productShape as shapeArb, referenceMatmul, type ProductShape as Shape } from './matmul-reference.js';

const loaded = loadNativeKernel();
if ('missing' in loaded) throw new Error(`These tests need the native kernel, which npm ci builds where there is a C compiler: ${loaded.missing}`);
const kernel: NativeKernel = loaded;
const native = new NativeMatmul(kernel);

const EDGE_SIZES = [1, 2, 7, 8, 9, 31, 32, 33, 65, 129];

const run = (a: Float32Array, b: Float32Array, spec: MatmulSpec, bias?: Float32Array) => runKernel(native, a, b, spec, bias);

describe('native float32 matmul', () => {
  it('meets the float64 reference on awkward shapes, every transpose, shared batch operands', () => {
    fc.assert(
      fc.property(shapeArb(fc.constantFrom(...EDGE_SIZES)), (s) => {
        const { spec, a, b } = operands(s);
        expect(firstMismatch(run(a, b, spec), referenceMatmul(a, b, spec), spec.k)).toBe(-1);
      }),
      { numRuns: 150 },
    );
  });

  it('meets it across its blocks: k = 784 (four k-blocks), m = 300 (three row blocks), n = 1030 (three column blocks)', () => {
    for (const [m, k, n] of [[129, 784, 17], [300, 257, 40], [9, 300, 1030]] as const) {
      for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const { spec, a, b } = operands({ batch: 1, m, k, n, aShared: true, bShared: true, transA, transB, seed: m + k + n });
        expect(firstMismatch(run(a, b, spec), referenceMatmul(a, b, spec), k), `${m}×${k}×${n} ${transA} ${transB}`).toBe(-1);
      }
    }
  });

  it('adds the bias to each finished sum: the bits of the product followed by an add', () => {
    fc.assert(
      fc.property(shapeArb(fc.constantFrom(1, 9, 33, 129, 300)), (s) => {
        const { spec, a, b, bias } = operands(s);
        const plain = run(a, b, spec);
        expect(run(a, b, spec, bias)).toEqual(plain.map((v, i) => Math.fround(v + bias[i % spec.n]!)));
      }),
      { numRuns: 30 },
    );
  });

  it('propagates NaN and ±Inf as IEEE arithmetic does, into exactly the affected outputs', () => {
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0];
    fc.assert(
      fc.property(shapeArb(fc.constantFrom(1, 3, 9, 33)), fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(...special)), { minLength: 1, maxLength: 4 }), (s, pokes) => {
        const { spec, a, b } = operands(s);
        for (const [inA, at, value] of pokes) (inA ? a : b)[at % (inA ? a : b).length] = value;
        expect(firstMismatch(run(a, b, spec), referenceMatmul(a, b, spec), spec.k)).toBe(-1);
      }),
      { numRuns: 150 },
    );
  });

  it('returns zeros (plus the bias) for k = 0 and nothing for an empty product', () => {
    const spec: MatmulSpec = { batch: 2, m: 3, k: 0, n: 5, aBatchStride: 0, bBatchStride: 0, transA: false, transB: false };
    expect(Array.from(run(new Float32Array(0), new Float32Array(0), spec))).toEqual(new Array(30).fill(0));
    const bias = Float32Array.of(1, -2, 0.5, -0, 3);
    expect(Array.from(run(new Float32Array(0), new Float32Array(0), spec, bias))).toEqual(Array.from({ length: 30 }, (_, i) => [1, -2, 0.5, 0, 3][i % 5]));
    expect(native.matmul(new Float32Array(0), new Float32Array(20), { ...spec, k: 4, m: 0 }, new Float32Array(0))).toBe(true);
  });

  it('refuses a call whose arrays are too short or of the wrong type, with an error instead of reading past them', () => {
    const spec: MatmulSpec = { batch: 2, m: 4, k: 5, n: 6, aBatchStride: 20, bBatchStride: 0, transA: false, transB: false };
    const [a, b, out] = [new Float32Array(40), new Float32Array(30), new Float32Array(48)];
    expect(() => native.matmul(a.subarray(0, 39), b, spec, out)).toThrow(RangeError);
    expect(() => native.matmul(a, b.subarray(1), spec, out)).toThrow(/shorter than its shape needs/);
    expect(() => native.matmul(a, b, spec, out.subarray(1))).toThrow(RangeError);
    expect(() => native.matmul(a, b, spec, out, new Float32Array(5))).toThrow(RangeError);
    expect(() => native.matmul(new Float64Array(40) as unknown as Float32Array, b, spec, out)).toThrow(TypeError);
    expect(() => native.matmul(a, b, spec, out)).not.toThrow();
  });
});

describe('the cpu backend matmul: native kernel first', () => {
  const s: Shape = { batch: 2, m: 33, k: 70, n: 45, aShared: false, bShared: true, transA: true, transB: false, seed: 7 };
  const { spec, a, b } = operands(s);

  it('uses the native kernel where the host loads it', () => {
    const gemm = vi.fn(kernel.gemm);
    const matmul = createCpuMatmul({ ...nodeHost, loadNativeKernel: () => ({ gemm }) });
    const out = new Float32Array(2 * 33 * 45);
    matmul(a, b, spec, 'float32', out);
    expect(gemm).toHaveBeenCalledTimes(1);
    expect(out).toEqual(run(a, b, spec));
  });

  it('says which kernel runs its products', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const notBuilt = () => ({ missing: 'not built' });
      expect(createCpuMatmul(nodeHost).kernel()).toBe('native');
      expect(createCpuMatmul({ ...nodeHost, loadNativeKernel: notBuilt }, { maxThreads: 1 }).kernel()).toBe('webassembly');
      expect(createCpuMatmul({ ...nodeHost, loadNativeKernel: notBuilt, loadKernel: notBuilt }).kernel()).toBe('javascript');
      expect(warn).toHaveBeenCalledTimes(1); // the JavaScript kernel is the one fallback worth a warning
    } finally {
      warn.mockRestore();
    }
  });

  it('falls back to the WebAssembly kernels, without a warning, where it cannot load (not built, addons denied) or is switched off', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const wasm = WasmMatmul.create(nodeHost, { maxThreads: 1 });
      if (!(wasm instanceof WasmMatmul)) throw new Error(wasm.unavailable);
      const expected = new Float32Array(2 * 33 * 45);
      wasm.matmul(a, b, spec, expected);
      const missing = loadNativeKernel(new URL('./no-such-kernel.node', import.meta.url));
      expect('missing' in missing && missing.missing).toMatch(/no-such-kernel\.node is not built \(`npm run build:native -w @dlcourse\/engine`/);
      const gemm = vi.fn(kernel.gemm);
      for (const matmul of [createCpuMatmul({ ...nodeHost, loadNativeKernel: () => missing }, { maxThreads: 1 }), createCpuMatmul({ ...nodeHost, loadNativeKernel: () => ({ gemm }) }, { native: false, maxThreads: 1 })]) {
        const out = new Float32Array(2 * 33 * 45);
        matmul(a, b, spec, 'float32', out);
        expect(out).toEqual(expected);
      }
      expect(gemm).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
