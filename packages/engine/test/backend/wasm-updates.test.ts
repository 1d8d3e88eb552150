/**
 * The optimizers' updates on the WebAssembly kernels against the JavaScript loops they replace
 * for large float32 storages: the same bits (NaN as NaN), at sizes around the 4-lane vectors and
 * the size where the kernels take over, in place, and the fallback without a kernel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledAddKernel } from '../../src/backend/cpu/binary.js';
import { adamUpdateFloat32 } from '../../src/backend/cpu/adam-update.js';
import { createCpuUpdates } from '../../src/backend/cpu/updates-cpu.js';
import { nodeHost, readKernel } from '../../src/backend/cpu/wasm/node-host.js';
import { MIN_WASM_UPDATE, WasmUpdates } from '../../src/backend/cpu/wasm/wasm-updates.js';

const made = WasmUpdates.create(nodeHost);
if (!(made instanceof WasmUpdates)) throw new Error(made.unavailable);
const wasm: WasmUpdates = made;

/** Bit patterns, with every NaN as one pattern (JavaScript and WebAssembly may carry different payloads). */
function bits(x: Float32Array): number[] {
  return Array.from(new Int32Array(Float32Array.from(x, (v) => (Number.isNaN(v) ? NaN : v)).buffer));
}

function random(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 20 - 10);
}

const SPECIALS = [0, -0, 1e-45, -1e-45, 3.4e38, -3.4e38, Infinity, -Infinity, NaN, 1, -1];

describe('WasmUpdates.scaledAdd', () => {
  it.each([1, 3, 4, 5, 7, 8, 4095, 4096, 4097, 200_707])('n = %i: the same bits as the JavaScript loop', (n) => {
    const a = random(n, n);
    const b = random(n, n + 1);
    SPECIALS.forEach((v, i) => {
      if (i < n) a[i] = v;
      if (i + 3 < n) b[i + 3] = v;
    });
    for (const alpha of [-0.1, 1e-3, 3.7, -1e30]) {
      const expected = new Float32Array(n);
      const got = new Float32Array(n);
      scaledAddKernel(a, b, alpha, expected);
      expect(wasm.scaledAdd(a, b, alpha, got)).toBe(true);
      expect(bits(got)).toEqual(bits(expected));
    }
  });

  it('random values and steps: the same bits (property)', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 300 }), fc.float32Array({ minLength: 300, maxLength: 300 }), fc.float({ noNaN: true }), (a, bLong, alpha) => {
        const b = bLong.subarray(0, a.length);
        const expected = new Float32Array(a.length);
        const got = new Float32Array(a.length);
        scaledAddKernel(a, b, alpha, expected);
        wasm.scaledAdd(a, b, alpha, got);
        expect(bits(got)).toEqual(bits(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('writes in place into either operand, as an optimizer step does', () => {
    const n = MIN_WASM_UPDATE + 5;
    const w = random(n, 1);
    const d = random(n, 2);
    const expected = new Float32Array(n);
    scaledAddKernel(w, d, -0.5, expected);
    const intoA = Float32Array.from(w);
    wasm.scaledAdd(intoA, d, -0.5, intoA);
    expect(bits(intoA)).toEqual(bits(expected));
    const intoB = Float32Array.from(d);
    wasm.scaledAdd(w, intoB, -0.5, intoB);
    expect(bits(intoB)).toEqual(bits(expected));
  });

  it('runs on the local-memory build (the updates never leave the calling thread)', () => {
    const asked: string[] = [];
    expect(WasmUpdates.create({ ...nodeHost, loadKernel: (memory) => (asked.push(memory), nodeHost.loadKernel(memory)) })).toBeInstanceOf(WasmUpdates);
    expect(asked).toEqual(['local']);
  });

  it('the backend function uses it for large float32 storages and the JavaScript loop elsewhere, and falls back without a kernel', () => {
    const n = MIN_WASM_UPDATE * 2 + 1;
    const a = random(n, 3);
    const b = random(n, 4);
    const expected = new Float32Array(n);
    scaledAddKernel(a, b, 0.25, expected);
    for (const host of [nodeHost, { ...nodeHost, loadKernel: () => readKernel(new URL('./no-such-kernel.wasm', import.meta.url)) }]) {
      const { scaledAdd } = createCpuUpdates(host);
      const out = new Float32Array(n);
      scaledAdd(a, b, 0.25, out);
      expect(bits(out)).toEqual(bits(expected));
      const a64 = Float64Array.from(a);
      const out64 = new Float64Array(n);
      const expected64 = new Float64Array(n);
      scaledAdd(a64, Float64Array.from(b), 0.25, out64);
      scaledAddKernel(a64, Float64Array.from(b), 0.25, expected64);
      expect(out64).toEqual(expected64);
    }
  });
});

describe('WasmUpdates.adam', () => {
  const SCALARS = [
    { beta1: 0.9, beta2: 0.999, weightDecay: 0, eps: 1e-8, biasCorrection2Sqrt: Math.sqrt(1 - 0.999), stepSize: 1e-3 / (1 - 0.9) },
    { beta1: 0.5, beta2: 0.75, weightDecay: 0.01, eps: 1e-6, biasCorrection2Sqrt: Math.sqrt(1 - 0.75 ** 3), stepSize: 0.3 / (1 - 0.5 ** 3) },
    { beta1: 0, beta2: 0, weightDecay: 0.5, eps: 0, biasCorrection2Sqrt: 1, stepSize: 1 },
  ];

  it.each([1, 3, 4, 5, 8, 4095, 4097, 200_707])('n = %i: the same bits as the JavaScript loop (three steps, with and without AMSGrad)', (n) => {
    for (const [s, k] of SCALARS.entries()) {
      for (const amsgrad of [false, true]) {
        const js = { param: random(n, n + s), grad: random(n, n + 7), expAvg: random(n, 3).map(Math.abs), expAvgSq: random(n, 4).map((v) => v * v), maxExpAvgSq: amsgrad ? random(n, 5).map((v) => v * v) : undefined };
        SPECIALS.forEach((v, i) => {
          if (i < n) js.grad[i] = v;
          if (i + 2 < n && amsgrad) js.maxExpAvgSq![i + 2] = Math.abs(v);
        });
        const copy = <T extends Float32Array | undefined>(a: T): T => (a ? (Float32Array.from(a) as T) : a);
        const w = { param: copy(js.param), grad: copy(js.grad), expAvg: copy(js.expAvg), expAvgSq: copy(js.expAvgSq), maxExpAvgSq: copy(js.maxExpAvgSq) };
        for (let step = 0; step < 3; step++) {
          adamUpdateFloat32(js.param, js.grad, js.expAvg, js.expAvgSq, js.maxExpAvgSq, k);
          expect(wasm.adam(w, k)).toBe(true);
        }
        expect(bits(w.param)).toEqual(bits(js.param));
        expect(bits(w.expAvg)).toEqual(bits(js.expAvg));
        expect(bits(w.expAvgSq)).toEqual(bits(js.expAvgSq));
        if (amsgrad) expect(bits(w.maxExpAvgSq!)).toEqual(bits(js.maxExpAvgSq!));
        expect(bits(w.grad)).toEqual(bits(js.grad)); // only read
      }
    }
  });
});
