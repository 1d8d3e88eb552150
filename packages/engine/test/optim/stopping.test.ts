/**
 * Each stopping criterion fires at exactly the iteration it should. The runs use gradient
 * descent on L(w) = Σ w², where every number is exact in float64: with lr 0.25 each step halves
 * w (w_t = w₀/2ᵗ), with lr 1.5 each step multiplies it by −2 (the loss grows 4× per step).
 */
import { describe, it, expect } from 'vitest';
import { tensor, type Tensor } from '../../src/index.js';
import {
  SGD,
  MaxIterations,
  ParameterChangeBelow,
  LossBelow,
  Divergence,
  anyOf,
  allOf,
  StoppingState,
  type StoppingCriterion,
  type StoppingInfo,
} from '../../src/optim/index.js';
import { f64 } from './helpers.js';

interface RunResult {
  iteration: number;
  reason: string | undefined;
  params: number[];
  losses: number[];
}

/** The loop of criterion.ts: call at iteration 0 (optional), then after every step. */
function run(criterion: StoppingCriterion, { w0 = [1], lr = 0.25, callAtZero = true, maxSteps = 10_000 } = {}): RunResult {
  const p = f64(w0, true);
  const opt = new SGD([p], { lr });
  const losses: number[] = [];
  criterion.reset();
  if (callAtZero) {
    const d = criterion.update({ iteration: 0, params: [p] });
    if (d.stop) return { iteration: 0, reason: d.reason, params: p.toArray(), losses };
  }
  for (let t = 1; t <= maxSteps; t++) {
    opt.zeroGrad();
    const loss = p.square().sum();
    loss.backward();
    opt.step();
    losses.push(loss.item());
    const d = criterion.update({ iteration: t, loss, params: [p] });
    if (d.stop) return { iteration: t, reason: d.reason, params: p.toArray(), losses };
  }
  throw new Error(`did not stop within ${maxSteps} steps`);
}

describe('MaxIterations', () => {
  it('stops after exactly n updates', () => {
    for (const n of [1, 2, 5, 37]) {
      const r = run(new MaxIterations(n));
      expect(r.iteration).toBe(n);
      expect(r.params).toEqual([2 ** -n]); // n halvings: exactly n steps were made
      expect(r.reason).toBe(`MaxIterations: reached ${n} iteration${n === 1 ? '' : 's'}`);
    }
  });

  it('MaxIterations(0) stops at the iteration-0 call, before any update', () => {
    const r = run(new MaxIterations(0));
    expect(r.iteration).toBe(0);
    expect(r.params).toEqual([1]);
  });

  it('keeps firing once reached, and does not count calls', () => {
    const m = new MaxIterations(3);
    expect(m.update({ iteration: 2 }).stop).toBe(false);
    expect(m.update({ iteration: 2 }).stop).toBe(false);
    expect(m.update({ iteration: 3 }).stop).toBe(true);
    expect(m.update({ iteration: 4 }).stop).toBe(true);
  });

  it('rejects a bad n or iteration', () => {
    expect(() => new MaxIterations(-1)).toThrow(/MaxIterations: n must be an integer ≥ 0 \(a number of updates\), got -1/);
    expect(() => new MaxIterations(2.5)).toThrow(/got 2.5/);
    expect(() => new MaxIterations(3).update({ iteration: -1 })).toThrow(/MaxIterations.update: iteration must be an integer ≥ 0/);
    expect(() => new MaxIterations(3).update({ iteration: 1.5 })).toThrow(/got 1.5/);
  });
});

describe('ParameterChangeBelow', () => {
  it('fires at the first update that moved w by less than tol (l2 over all parameters)', () => {
    // w0 = 1: update t moves w by 2^−t; 2^−9 ≈ 1.95e-3 ≥ 1e-3 > 2^−10 ≈ 9.8e-4
    const r = run(new ParameterChangeBelow(1e-3));
    expect(r.iteration).toBe(10);
    expect(r.reason).toBe('ParameterChangeBelow: l2 change 0.000976563 < 0.001 at iteration 10');
  });

  it("'l2' and 'max' differ as they should", () => {
    // w0 = (1, 4): update t moves them by 2^−t (1, 4): max 4·2^−t, l2 √17·2^−t
    // max < 1e-3 from t = 12 (4·2^−12 ≈ 9.8e-4); l2 < 1e-3 from t = 13 (√17·2^−12 ≈ 1.007e-3)
    expect(run(new ParameterChangeBelow(1e-3, { norm: 'max' }), { w0: [1, 4] }).iteration).toBe(12);
    expect(run(new ParameterChangeBelow(1e-3, { norm: 'l2' }), { w0: [1, 4] }).iteration).toBe(13);
  });

  it('is strict: a change equal to tol does not fire', () => {
    expect(run(new ParameterChangeBelow(2 ** -10)).iteration).toBe(11);
  });

  it('the first update is measured only if the starting point was given at iteration 0', () => {
    // tol 1: update 1 moves w by 0.5 < 1
    expect(run(new ParameterChangeBelow(1), { callAtZero: true }).iteration).toBe(1);
    expect(run(new ParameterChangeBelow(1), { callAtZero: false }).iteration).toBe(2);
  });

  it('sums over several parameters, and reset() forgets the copy', () => {
    const a0 = f64([0, 0]);
    const b0 = f64([0]);
    const a1 = f64([0.3, 0]);
    const b1 = f64([0.4]);
    const change = Math.hypot(0.3, 0.4); // ≈ 0.5
    for (const [tol, fires] of [
      [change * 1.01, true],
      [change * 0.99, false],
    ] as const) {
      const c = new ParameterChangeBelow(tol);
      expect(c.update({ iteration: 0, params: [a0, b0] }).stop).toBe(false);
      expect(c.update({ iteration: 1, params: [a1, b1] }).stop).toBe(fires);
      c.reset();
      expect(c.update({ iteration: 1, params: [a1, b1] }).stop).toBe(false); // no copy: cannot fire
      expect(c.update({ iteration: 2, params: [a1, b1] }).stop).toBe(true); // no change
    }
    const m = new ParameterChangeBelow(0.35, { norm: 'max' }); // max |Δ| = 0.4
    m.update({ iteration: 0, params: [a0, b0] });
    expect(m.update({ iteration: 1, params: [a1, b1] }).stop).toBe(false);
  });

  it('rejects bad arguments and parameters that change shape', () => {
    expect(() => new ParameterChangeBelow(0)).toThrow(/ParameterChangeBelow: tol must be a finite number > 0/);
    expect(() => new ParameterChangeBelow(1e-3, { norm: 'l1' as never })).toThrow(/norm must be 'l2' or 'max', got 'l1'/);
    const c = new ParameterChangeBelow(1e-3);
    expect(() => c.update({ iteration: 1 })).toThrow(/ParameterChangeBelow.update: needs the parameters/);
    c.update({ iteration: 0, params: [f64([1, 2])] });
    expect(() => c.update({ iteration: 1, params: [f64([1, 2, 3])] })).toThrow(/parameter 0 has shape \[3\] at iteration 1 but \[2\] at the previous call/);
    c.reset();
    c.update({ iteration: 0, params: [f64([1, 2])] });
    expect(() => c.update({ iteration: 1, params: [f64([1, 2]), f64([3])] })).toThrow(/got 2 parameters at iteration 1 but 1 at the previous call/);
  });
});

describe('LossBelow', () => {
  it('fires at the first call whose loss is below the target', () => {
    // the loss passed at iteration t is L(w_{t−1}) = 4^−(t−1): 4^−6 ≈ 2.4e-4, 4^−7 ≈ 6.1e-5
    const r = run(new LossBelow(1e-4));
    expect(r.iteration).toBe(8);
    expect(r.losses.at(-1)).toBe(4 ** -7);
    expect(r.reason).toBe('LossBelow: loss 0.0000610352 < 0.0001 at iteration 8');
  });

  it('is strict: a loss equal to the target does not fire', () => {
    expect(run(new LossBelow(4 ** -7)).iteration).toBe(9);
  });

  it('is not sticky, ignores NaN, takes tensors, needs a loss after iteration 0', () => {
    const c = new LossBelow(1);
    expect(c.update({ iteration: 0 }).stop).toBe(false);
    expect(c.update({ iteration: 1, loss: 0.5 }).stop).toBe(true);
    expect(c.update({ iteration: 2, loss: 2 }).stop).toBe(false);
    expect(c.update({ iteration: 3, loss: NaN }).stop).toBe(false);
    expect(c.update({ iteration: 4, loss: tensor([0.25]) }).stop).toBe(true);
    expect(() => c.update({ iteration: 5 })).toThrow(/LossBelow.update: needs the loss \(\{ iteration, loss, params \}\) but none was given at iteration 5/);
    expect(() => c.update({ iteration: 5, loss: tensor([1, 2]) })).toThrow(/item: only a tensor with exactly one element/);
    expect(() => new LossBelow(NaN)).toThrow(/LossBelow: target must be a number, got NaN/);
  });
});

describe('Divergence', () => {
  it('fires when gradient descent with too large a step blows up (default factor 1e3)', () => {
    // lr 1.5 on Σ w²: w ← −2w, the loss at iteration t is 4^(t−1); best = 1 (iteration 1),
    // 4^4 = 256 ≤ 1000 < 4^5 = 1024
    const r = run(new Divergence(), { lr: 1.5 });
    expect(r.iteration).toBe(6);
    expect(r.losses).toEqual([1, 4, 16, 64, 256, 1024]);
    expect(r.reason).toBe('Divergence: the loss 1024 at iteration 6 is above 1000 × the best loss 1');
  });

  it('factor and patience', () => {
    expect(run(new Divergence({ factor: 10 }), { lr: 1.5 }).iteration).toBe(3); // 16 > 10
    const r = run(new Divergence({ patience: 3 }), { lr: 1.5 }); // bad at 6, 7, 8
    expect(r.iteration).toBe(8);
    expect(r.reason).toMatch(/for 3 iterations in a row$/);
  });

  it('a non-finite loss fires at once, whatever the patience', () => {
    // with a factor so large that the ratio never fires, the loss overflows: 4^512 = 2^1024 = ∞
    const r = run(new Divergence({ factor: 1e308, patience: 5 }), { lr: 1.5, maxSteps: 1000 });
    expect(r.iteration).toBe(513);
    expect(r.reason).toBe('Divergence: the loss is Infinity at iteration 513');
    const d = new Divergence({ patience: 10 });
    expect(d.update({ iteration: 1, loss: 1 }).stop).toBe(false);
    expect(d.update({ iteration: 2, loss: NaN })).toEqual({ stop: true, reason: 'Divergence: the loss is NaN at iteration 2' });
    expect(d.update({ iteration: 3, loss: -Infinity }).stop).toBe(true);
  });

  it('does not fire on a converging run', () => {
    const c = anyOf(new Divergence({ factor: 1.0001 }), new MaxIterations(200));
    expect(run(c).reason).toBe('MaxIterations: reached 200 iterations');
  });

  it('best is the smallest earlier loss; a good call resets the patience count', () => {
    const d = new Divergence({ factor: 10, patience: 2 });
    const feed = (losses: number[]) => losses.map((loss, i) => d.update({ iteration: i + 1, loss }).stop);
    // best 1 → 20 bad, 5 good (count reset), 20 bad, 30 bad → fires
    expect(feed([1, 20, 5, 20, 30])).toEqual([false, false, false, false, true]);
    d.reset();
    expect(feed([100, 900, 1001])).toEqual([false, false, false]); // best 100: 1001 > 1000 is bad once (patience 2)
  });

  it('lowerBound: for losses that can be negative, and to ignore noise near a minimum of 0', () => {
    const d = new Divergence();
    d.update({ iteration: 1, loss: 1e-15 });
    expect(d.update({ iteration: 2, loss: 1e-11 }).stop).toBe(true); // 1e4 × the best: fires
    const tolerant = new Divergence({ lowerBound: -1e-8 });
    tolerant.update({ iteration: 1, loss: 1e-15 });
    expect(tolerant.update({ iteration: 2, loss: 1e-11 }).stop).toBe(false);
    expect(tolerant.update({ iteration: 3, loss: 1e-5 + 1e-8 }).stop).toBe(true);
    const signed = new Divergence({ lowerBound: -10, factor: 2 });
    signed.update({ iteration: 1, loss: -9 }); // 1 above the bound
    expect(signed.update({ iteration: 2, loss: -8 }).stop).toBe(false); // 2 above: not > 2 × 1
    const r = signed.update({ iteration: 3, loss: -7 }); // 3 above
    expect(r.stop).toBe(true);
    expect(r.reason).toBe('Divergence: the loss -7 at iteration 3 is above 2 × the best loss -9 (measured above -10)');
    expect(() => new Divergence().update({ iteration: 1, loss: -0.5 })).toThrow(
      /Divergence.update: the loss -0.5 at iteration 1 is below lowerBound 0; pass a lowerBound ≤ the smallest possible loss/,
    );
  });

  it('rejects bad options and a missing loss', () => {
    expect(() => new Divergence({ factor: 1 })).toThrow(/Divergence: factor must be a finite number > 1/);
    expect(() => new Divergence({ factor: NaN })).toThrow(/factor must be a finite number > 1/);
    expect(() => new Divergence({ patience: 0 })).toThrow(/Divergence: patience must be an integer ≥ 1/);
    expect(() => new Divergence({ lowerBound: -Infinity })).toThrow(/Divergence: lowerBound must be a finite number/);
    expect(() => new Divergence().update({ iteration: 2 })).toThrow(/Divergence.update: needs the loss/);
    expect(new Divergence().update({ iteration: 0 }).stop).toBe(false);
  });
});

/** A criterion that records the calls it gets and fires at the given iterations. */
function spy(fireAt: number[]): StoppingCriterion & { calls: number[]; resets: number } {
  const s = {
    calls: [] as number[],
    resets: 0,
    update(info: StoppingInfo) {
      s.calls.push(info.iteration);
      return fireAt.includes(info.iteration) ? { stop: true, reason: `spy ${info.iteration}` } : { stop: false };
    },
    reset() {
      s.resets += 1;
      s.calls = [];
    },
  };
  return s;
}

describe('anyOf / allOf', () => {
  it('anyOf fires at the first iteration any child fires, with its reason', () => {
    const r = run(anyOf(new MaxIterations(100), new LossBelow(1e-4)));
    expect(r.iteration).toBe(8);
    expect(r.reason).toBe('LossBelow: loss 0.0000610352 < 0.0001 at iteration 8');
    expect(run(anyOf(new MaxIterations(5), new LossBelow(1e-4))).iteration).toBe(5);
    expect(run(anyOf(new MaxIterations(8), new LossBelow(1e-4))).reason).toBe(
      'MaxIterations: reached 8 iterations; LossBelow: loss 0.0000610352 < 0.0001 at iteration 8',
    );
  });

  it('allOf fires when every child fires at the same call', () => {
    expect(run(allOf(new MaxIterations(10), new LossBelow(1e-4))).iteration).toBe(10);
    expect(run(allOf(new MaxIterations(3), new LossBelow(1e-4))).iteration).toBe(8);
    expect(run(allOf(new MaxIterations(3), new LossBelow(1e-4))).reason).toBe(
      'MaxIterations: reached 3 iterations and LossBelow: loss 0.0000610352 < 0.0001 at iteration 8',
    );
    // children that fired at different calls do not make allOf fire
    const c = allOf(spy([1, 3]), spy([2, 3]));
    expect([1, 2, 3].map((iteration) => c.update({ iteration }).stop)).toEqual([false, false, true]);
  });

  it('every child sees every call (no short-circuit), reset() reaches every child, nesting works', () => {
    const a = spy([1, 2, 3]);
    const b = spy([]);
    const inner = spy([2]);
    const c = anyOf(a, allOf(b, inner));
    for (let iteration = 0; iteration <= 3; iteration++) c.update({ iteration });
    expect(a.calls).toEqual([0, 1, 2, 3]);
    expect(b.calls).toEqual([0, 1, 2, 3]);
    expect(inner.calls).toEqual([0, 1, 2, 3]);
    c.reset();
    expect([a.resets, b.resets, inner.resets]).toEqual([1, 1, 1]);
    // ParameterChangeBelow inside anyOf keeps its copy up to date while another child fires
    expect(run(anyOf(new ParameterChangeBelow(1e-3), spy([3, 4, 5]))).iteration).toBe(3);
  });

  it('shares a one-shot iterable of params (a generator) between its children', () => {
    const a = new ParameterChangeBelow(1, { norm: 'max' });
    const b = new ParameterChangeBelow(1, { norm: 'l2' });
    const c = allOf(a, b);
    function* params(v: number) {
      yield f64([v]);
    }
    c.update({ iteration: 0, params: params(0) });
    expect(c.update({ iteration: 1, params: params(0.5) }).stop).toBe(true);
  });

  it('rejects an empty list or a non-criterion', () => {
    expect(() => anyOf()).toThrow(/anyOf: give at least one criterion/);
    expect(() => allOf()).toThrow(/allOf: give at least one criterion/);
    expect(() => anyOf(new MaxIterations(1), {} as never)).toThrow(/anyOf: argument 1 is not a stopping criterion/);
  });

  it('a criterion can be reset and reused for a new run', () => {
    const c = anyOf(new ParameterChangeBelow(1e-3), new Divergence());
    expect(run(c).iteration).toBe(10);
    expect(run(c).iteration).toBe(10); // run() calls reset()
    expect(run(c, { lr: 1.5 }).iteration).toBe(6);
  });
});

describe('StoppingState', () => {
  function loop(state: StoppingState, p: Tensor, lr: number): void {
    const opt = new SGD([p], { lr });
    while (!state.stopped) {
      opt.zeroGrad();
      const loss = p.square().sum();
      loss.backward();
      opt.step();
      state.update(loss);
    }
  }

  it('counts the iterations and makes the iteration-0 call with the parameters', () => {
    const p = f64([1], true);
    const state = new StoppingState(anyOf(new ParameterChangeBelow(1), new MaxIterations(50)), [p]);
    loop(state, p, 0.25);
    expect(state.iteration).toBe(1); // the first update (0.5) was measured against w₀
    expect(state.reason).toBe('ParameterChangeBelow: l2 change 0.5 < 1 at iteration 1');
  });

  it('stops at once for MaxIterations(0) with params, refuses updates after stopping, restarts', () => {
    const p = f64([1], true);
    const zero = new StoppingState(new MaxIterations(0), [p]);
    expect(zero.stopped).toBe(true);
    expect(zero.iteration).toBe(0);
    const state = new StoppingState(new LossBelow(1e-4), [p]);
    loop(state, p, 0.25);
    expect(state.iteration).toBe(8);
    expect(() => state.update(1)).toThrow(/StoppingState.update: the run already stopped at iteration 8 \(LossBelow: .*\); call restart\(\)/);
    state.restart();
    expect([state.iteration, state.stopped, state.reason]).toEqual([0, false, undefined]);
    expect(state.update(1e-5)).toBe(true);
    expect(state.iteration).toBe(1);
  });

  it('works without params for criteria that do not need them', () => {
    const state = new StoppingState(new MaxIterations(3));
    expect([state.update(1), state.update(1), state.update(1)]).toEqual([false, false, true]);
  });
});
