/**
 * Adam's one-pass step (Backend.adamUpdate on the CPU) against the same step primitive by
 * primitive (the path every backend without it takes): the same bits, over several steps, for
 * float32 and float64, with weight decay and AMSGrad, and the fallback where a storage is shared.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Adam, getBackend, noGrad, tensor, type Tensor, type TypedArray } from '../../src/index.js';

const cpu = getBackend('cpu') as { adamUpdate?: unknown };
const fused = cpu.adamUpdate;
afterEach(() => {
  cpu.adamUpdate = fused;
});

/** Bit patterns of a float array, NaN as one pattern. */
function bits(t: Tensor): string[] {
  return Array.from(t.storage as TypedArray, (v) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : String(v)));
}

interface Case {
  dtype: 'float32' | 'float64';
  values: number[];
  grads: number[][];
  options: { lr: number; betas: [number, number]; eps: number; weightDecay: number; amsgrad: boolean };
}

/** The parameter after the case's steps, one-pass or primitive by primitive (and how many one-pass steps ran). */
function run(c: Case, onePass: boolean): { p: Tensor; m: Tensor; v: Tensor; onePassSteps: number } {
  let onePassSteps = 0;
  cpu.adamUpdate = onePass
    ? (...args: unknown[]) => {
        onePassSteps++;
        return (fused as (...a: unknown[]) => unknown)(...args);
      }
    : undefined;
  const p = tensor(c.values, { dtype: c.dtype, requiresGrad: true });
  const optimizer = new Adam([p], c.options);
  for (const g of c.grads) {
    p.grad = tensor(g, { dtype: c.dtype });
    optimizer.step();
  }
  const state = (optimizer as unknown as { state: Map<Tensor, { expAvg: Tensor; expAvgSq: Tensor }> }).state.get(p)!;
  cpu.adamUpdate = fused;
  return { p, m: state.expAvg, v: state.expAvgSq, onePassSteps };
}

const caseArb = (dtype: 'float32' | 'float64'): fc.Arbitrary<Case> =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      dtype: fc.constant(dtype),
      values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
      grads: fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
      options: fc.record({
        lr: fc.double({ min: 1e-5, max: 1, noNaN: true }),
        betas: fc.tuple(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.9999, noNaN: true })),
        eps: fc.constantFrom(1e-8, 1e-6, 0),
        weightDecay: fc.constantFrom(0, 0.01, 0.5),
        amsgrad: fc.boolean(),
      }),
    }),
  );

describe('Adam in one pass', () => {
  it('the CPU backend has it', () => {
    expect(typeof fused).toBe('function');
  });

  it.each(['float32', 'float64'] as const)('%s: the same bits as primitive by primitive (parameter, m, v), any options', (dtype) => {
    fc.assert(
      fc.property(caseArb(dtype), (c) => {
        const one = run(c, true);
        const many = run(c, false);
        expect(one.onePassSteps).toBe(c.grads.length);
        expect(many.onePassSteps).toBe(0);
        expect(bits(one.p)).toEqual(bits(many.p));
        expect(bits(one.m)).toEqual(bits(many.m));
        expect(bits(one.v)).toEqual(bits(many.v));
      }),
      { numRuns: 150 },
    );
  });

  it('a 784×256 weight (large enough for the WebAssembly kernel): the same bits as primitive by primitive, with AMSGrad and weight decay', () => {
    const n = 784 * 256;
    const wave = (seed: number) => Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 43.758 - 20);
    for (const options of [
      { lr: 1e-3, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weightDecay: 0, amsgrad: false },
      { lr: 0.05, betas: [0.8, 0.99] as [number, number], eps: 1e-6, weightDecay: 0.01, amsgrad: true },
    ]) {
      const c: Case = { dtype: 'float32', values: wave(1), grads: [wave(2), wave(3), wave(4)], options };
      const one = run(c, true);
      const many = run(c, false);
      expect(one.onePassSteps).toBe(3);
      expect(bits(one.p)).toEqual(bits(many.p));
      expect(bits(one.m)).toEqual(bits(many.m));
      expect(bits(one.v)).toEqual(bits(many.v));
    }
  });

  it('a parameter whose storage a detached tensor shares takes the primitive path and leaves that tensor alone', () => {
    const p = tensor([1, 2, 3], { requiresGrad: true });
    const kept = p.detach();
    const optimizer = new Adam([p], { lr: 0.1 });
    p.grad = tensor([1, -1, 0.5]);
    optimizer.step();
    expect(kept.toArray()).toEqual([1, 2, 3]);
    expect(noGrad(() => p.toArray())).not.toEqual([1, 2, 3]);
  });
});
