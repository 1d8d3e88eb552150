/**
 * The WebAssembly float32 matmul against a float64 reference: awkward sizes around the 4×8 tile
 * and the 256-deep k-blocks, every transpose combination, batches with shared operands,
 * non-finite values, threaded against unthreaded, and the fallbacks where it cannot run.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MatmulSpec } from '../../src/backend/backend.js';
import { createCpuMatmul } from '../../src/backend/cpu/matmul-cpu.js';
import { matmulKernel } from '../../src/backend/cpu/matmul.js';
import type { MatmulHost } from '../../src/backend/cpu/wasm/host.js';
import { nodeHost, readKernel, usableCores } from '../../src/backend/cpu/wasm/node-host.js';
import { ThreadChoice } from '../../src/backend/cpu/wasm/thread-choice.js';
import { WasmMatmul, type WasmMatmulOptions } from '../../src/backend/cpu/wasm/wasm-matmul.js';
import { firstMismatch, runKernel as run, productOperands as operands, productShape as specArb, referenceMatmul } from './matmul-reference.js';

const EDGE_SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 17, 31, 127, 129];
/** A host with at least two cores, so that the threaded path runs even on a one-core machine. */
const twoCoreHost: MatmulHost = { ...nodeHost, cores: () => Math.max(2, nodeHost.cores()) };

function make(options: WasmMatmulOptions, host: MatmulHost = twoCoreHost): WasmMatmul {
  const made = WasmMatmul.create(host, options);
  if (!(made instanceof WasmMatmul)) throw new Error(made.unavailable);
  return made;
}

const single = make({ maxThreads: 1 });
/** Threads for every product, however small, and batches cut into small chunks. */
const threaded = make({ minFlopsForThreads: 0, adaptiveThreads: false, maxChunkBytes: 64 * 1024 });

beforeAll(async () => {
  expect(await threaded.whenThreadsReady()).toBeGreaterThanOrEqual(2);
});


describe('WebAssembly float32 matmul', () => {
  it('meets the float64 reference on awkward shapes, every transpose, shared batch operands', () => {
    fc.assert(
      fc.property(specArb(fc.constantFrom(...EDGE_SIZES)), (s) => {
        const { spec, a, b } = operands(s);
        const got = run(single, a, b, spec);
        expect(firstMismatch(got, referenceMatmul(a, b, spec), spec.k)).toBe(-1);
      }),
      { numRuns: 150 },
    );
  });

  it('meets it on the course sizes (k = 784 spans four k-blocks; n = 784 two column blocks)', () => {
    for (const [m, k, n] of [[129, 784, 17], [5, 300, 784], [31, 513, 1030]] as const) {
      for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const { spec, a, b } = operands({ batch: 1, m, k, n, aShared: true, bShared: true, transA, transB, seed: m + k + n });
        expect(firstMismatch(run(single, a, b, spec), referenceMatmul(a, b, spec), k), `${m}×${k}×${n} ${transA} ${transB}`).toBe(-1);
      }
    }
  });

  it('gives bit-for-bit the same result on several threads as on one (and over batch chunks), with or without a bias', () => {
    fc.assert(
      fc.property(specArb(fc.constantFrom(1, 3, 9, 17, 64, 129, 200)), fc.boolean(), (s, withBias) => {
        const { spec, a, b } = operands(s);
        const bias = withBias ? operands({ ...s, batch: 1, m: 1, k: 1, aShared: true, bShared: true, seed: s.seed + 1 }).b : undefined;
        const one = run(single, a, b, spec, bias);
        expect(run(threaded, a, b, spec, bias)).toEqual(one);
        if (bias) {
          // the product, then the add, as float32 stores round it
          const plain = run(single, a, b, spec);
          expect(one).toEqual(plain.map((v, i) => Math.fround(v + bias[i % spec.n]!)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('propagates NaN and ±Inf as IEEE arithmetic does, into exactly the affected outputs', () => {
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0];
    fc.assert(
      fc.property(
        specArb(fc.constantFrom(1, 3, 5, 17)),
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(...special)), { minLength: 1, maxLength: 4 }),
        (s, pokes) => {
          const { spec, a, b } = operands(s);
          for (const [inA, at, value] of pokes) (inA ? a : b)[at % (inA ? a : b).length] = value;
          const ref = referenceMatmul(a, b, spec);
          expect(firstMismatch(run(single, a, b, spec), ref, spec.k)).toBe(-1);
          expect(firstMismatch(run(threaded, a, b, spec), ref, spec.k)).toBe(-1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns an empty or zero product for zero-sized dimensions', () => {
    const spec: MatmulSpec = { batch: 2, m: 3, k: 0, n: 5, aBatchStride: 0, bBatchStride: 0, transA: false, transB: false };
    expect(Array.from(run(threaded, new Float32Array(0), new Float32Array(0), spec))).toEqual(new Array(30).fill(0));
    const empty = { ...spec, k: 4, m: 0 };
    expect(single.matmul(new Float32Array(0), new Float32Array(20), empty, new Float32Array(0))).toBe(true);
  });
});

describe('the thread choice of the WebAssembly matmul', () => {
  /** A ThreadChoice that remembers what it was told. */
  class WatchedChoice extends ThreadChoice {
    readonly told: boolean[] = [];
    override record(threaded: boolean, ms: number): void {
      this.told.push(threaded);
      super.record(threaded, ms);
    }
  }

  it('is not told the time of a product that first reached memory no product used before', async () => {
    const choices: WatchedChoice[] = [];
    const kernel = make({ minFlopsForThreads: 0, newThreadChoice: () => choices[choices.push(new WatchedChoice()) - 1]! });
    expect(await kernel.whenThreadsReady()).toBeGreaterThanOrEqual(2);
    const small = operands({ batch: 1, m: 8, k: 8, n: 8, aShared: true, bShared: true, transA: false, transB: false, seed: 1 });
    const large = operands({ batch: 1, m: 64, k: 300, n: 64, aShared: true, bShared: true, transA: false, transB: false, seed: 2 });
    run(kernel, small.a, small.b, small.spec);
    run(kernel, small.a, small.b, small.spec);
    // the first product of each size grew the memory into pages no product had touched
    expect(choices.map((c) => c.told.length)).toEqual([1]);
    run(kernel, large.a, large.b, large.spec);
    expect(choices.map((c) => c.told.length)).toEqual([1, 0]);
    run(kernel, large.a, large.b, large.spec);
    run(kernel, small.a, small.b, small.spec);
    expect(choices.map((c) => c.told.length)).toEqual([2, 1]);
  });
});

describe('which build of the kernels runs', () => {
  it('is the local-memory build for one thread, the shared one where workers will share the work', () => {
    for (const [options, host, expected] of [
      [{ maxThreads: 1 }, twoCoreHost, 'local'],
      [{}, { ...nodeHost, cores: () => 1 }, 'local'],
      [{}, twoCoreHost, 'shared'],
    ] as const) {
      const asked: string[] = [];
      make(options, { ...host, loadKernel: (memory) => (asked.push(memory), host.loadKernel(memory)) });
      expect(asked).toEqual([expected]);
    }
  });

  it("counts one thread under Node's permission model without --allow-worker, else the cores", () => {
    expect(usableCores(undefined, 4)).toBe(4);
    expect(usableCores({ has: (scope) => scope !== 'worker' }, 4)).toBe(1);
    expect(usableCores({ has: () => true }, 4)).toBe(4);
  });
});

describe('the cpu backend matmul and its fallbacks', () => {
  const spec: MatmulSpec = { batch: 2, m: 33, k: 70, n: 45, aBatchStride: 33 * 70, bBatchStride: 0, transA: true, transB: false };
  const { a, b } = operands({ batch: 2, m: 33, k: 70, n: 45, aShared: false, bShared: true, transA: true, transB: false, seed: 7 });

  it('runs single-threaded, silently and correctly, where workers may not start', async () => {
    const deniedHost: MatmulHost = {
      ...twoCoreHost,
      startWorker: () => {
        throw Object.assign(new Error('Access to this API has been restricted'), { code: 'ERR_ACCESS_DENIED' });
      },
    };
    const denied = make({ minFlopsForThreads: 0, adaptiveThreads: false }, deniedHost);
    expect(await denied.whenThreadsReady()).toBe(1);
    expect(run(denied, a, b, spec)).toEqual(run(single, a, b, spec));
  });

  it('warns once, naming the build command, and uses the JavaScript kernel when the kernel is not built', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const missingKernel = new URL('./no-such-kernel.wasm', import.meta.url);
      const matmul = createCpuMatmul({ ...nodeHost, loadNativeKernel: undefined, loadKernel: () => readKernel(missingKernel) });
      const out = new Float32Array(2 * 33 * 45);
      const expected = new Float32Array(2 * 33 * 45);
      matmul(a, b, spec, 'float32', out);
      matmul(a, b, spec, 'float32', out);
      matmulKernel(a, b, spec, expected);
      expect(out).toEqual(expected);
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]![0]);
      expect(message).toContain('no-such-kernel.wasm could not be read (ENOENT)');
      expect(message).toContain('npm run build:wasm -w @dlcourse/engine');
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps float64 on the float64-summing JavaScript kernel', () => {
    const matmul = createCpuMatmul(twoCoreHost);
    const a64 = Float64Array.from(a);
    const b64 = Float64Array.from(b);
    const out = new Float64Array(2 * 33 * 45);
    const expected = new Float64Array(2 * 33 * 45);
    matmul(a64, b64, spec, 'float64', out);
    matmulKernel(a64, b64, spec, expected);
    expect(out).toEqual(expected);
  });
});
