/**
 * What the optimizers do beyond one formula: AdaGrad's shrinking step, RMSProp's forgetting,
 * zeroGrad, parameters without a gradient, parameter groups, changing lr, state dicts.
 */
import { describe, it, expect } from 'vitest';
import { tensor, noGrad, type Tensor } from '../../src/index.js';
import { SGD, AdaGrad, RMSProp, Adam, type Optimizer } from '../../src/optim/index.js';
import { refSGD, refAdam } from './reference.js';
import { expectClose, f64, quadratic, setGrad } from './helpers.js';

/** One step on the linear loss Σ a·p, whose gradient is the constant a; returns p's move. */
function linearStep(opt: Optimizer<{ lr: number }, object>, p: Tensor, a: number[]): number[] {
  const before = p.toArray();
  opt.zeroGrad();
  p.mul(f64(a)).sum().backward();
  opt.step();
  return p.toArray().map((x, i) => x - before[i]);
}

describe('AdaGrad', () => {
  it('its effective step shrinks as 1/√t under a constant gradient', () => {
    const p = f64([0, 0, 0], true);
    const a = [2, -0.5, 10];
    const lr = 0.1;
    const opt = new AdaGrad([p], { lr });
    let previous = Infinity;
    for (let t = 1; t <= 100; t++) {
      const move = linearStep(opt, p, a);
      // G = t a², so the move is −lr · a/(√t |a| + ε) = −lr sign(a)/√t (up to ε = 1e-10)
      expectClose(
        move,
        a.map((ai) => (-lr * ai) / (Math.sqrt(t * ai * ai) + 1e-10)),
        1e-12,
        `move at step ${t}`,
      );
      const size = Math.abs(move[0]);
      expect(size).toBeLessThan(previous);
      previous = size;
    }
    expect(previous).toBeCloseTo(lr / 10, 12); // step 100: lr/√100
  });

  it('lrDecay divides the step by 1 + (t − 1)·lrDecay on top of that', () => {
    const p = f64([0], true);
    const opt = new AdaGrad([p], { lr: 0.1, lrDecay: 0.5 });
    for (let t = 1; t <= 10; t++) {
      const [move] = linearStep(opt, p, [1]);
      expect(move).toBeCloseTo(-0.1 / (1 + (t - 1) * 0.5) / (Math.sqrt(t) + 1e-10), 15);
    }
  });

  it('creates its state (step 0, sum = initialAccumulatorValue) at construction, as PyTorch', () => {
    const p = f64([1, 2], true);
    const opt = new AdaGrad([p], { initialAccumulatorValue: 0.25 });
    const sd = opt.stateDict();
    expect(sd.state[0].step).toBe(0);
    expect((sd.state[0].sum as Tensor).toArray()).toEqual([0.25, 0.25]);
  });
});

describe('RMSProp', () => {
  it('forgets old gradients: after a burst of large gradients its step recovers, AdaGrad stays small', () => {
    const lr = 0.01;
    const alpha = 0.99;
    const pr = f64([0], true);
    const pa = f64([0], true);
    const rms = new RMSProp([pr], { lr, alpha });
    const ada = new AdaGrad([pa], { lr });
    // 100 steps with gradient 100, then 1500 with gradient 1
    for (let t = 0; t < 100; t++) {
      linearStep(rms, pr, [100]);
      linearStep(ada, pa, [100]);
    }
    let rmsMove = 0;
    let adaMove = 0;
    const n = 1500;
    for (let j = 1; j <= n; j++) {
      [rmsMove] = linearStep(rms, pr, [1]);
      [adaMove] = linearStep(ada, pa, [1]);
      if (j === 1) {
        // right after the burst both take tiny steps (≈ lr/√(v ≈ 6340) and lr/√(1e6))
        expect(Math.abs(rmsMove)).toBeLessThan(lr / 50);
        expect(Math.abs(adaMove)).toBeLessThan(lr / 500);
      }
    }
    // v after the burst: (1 − α¹⁰⁰)·100²; after n steps of gradient 1: αⁿ v + (1 − αⁿ)
    const vBurst = (1 - alpha ** 100) * 1e4;
    const v = alpha ** n * vBurst + (1 - alpha ** n);
    expect((rms.state.get(pr)!.squareAvg as Tensor).item()).toBeCloseTo(v, 9);
    expect(rmsMove).toBeCloseTo(-lr / (Math.sqrt(v) + 1e-8), 12);
    expect(Math.abs(rmsMove)).toBeGreaterThan(0.99 * lr); // forgotten: back to ≈ lr
    // AdaGrad's sum never forgets: 100·100² + 1500·1², so its step stays ≈ lr/1000.7
    expect(adaMove).toBeCloseTo(-lr / Math.sqrt(100 * 1e4 + n), 12);
    expect(Math.abs(adaMove)).toBeLessThan(lr / 1000);
  });
});

describe('zeroGrad and parameters without a gradient', () => {
  const opts: [string, (ps: Tensor[]) => Optimizer<{ lr: number }, object>][] = [
    ['SGD', (ps) => new SGD(ps, { lr: 0.1, momentum: 0.9 })],
    ['AdaGrad', (ps) => new AdaGrad(ps)],
    ['RMSProp', (ps) => new RMSProp(ps, { momentum: 0.5, centered: true })],
    ['Adam', (ps) => new Adam(ps, { amsgrad: true })],
  ];
  for (const [name, make] of opts) {
    it(`${name}: zeroGrad() sets grads to null (default), zeroGrad(false) to zeros`, () => {
      const a = f64([1, 2], true);
      const b = tensor([[3], [4]], { dtype: 'float64', requiresGrad: true });
      const opt = make([a, b]);
      a.mul(b.sum()).sum().backward();
      expect(a.grad).not.toBeNull();
      expect(b.grad).not.toBeNull();
      opt.zeroGrad(false);
      expect(a.grad!.toArray()).toEqual([0, 0]);
      expect(b.grad!.shape).toEqual([2, 1]);
      expect(b.grad!.toArray()).toEqual([0, 0]);
      opt.zeroGrad();
      expect(a.grad).toBeNull();
      expect(b.grad).toBeNull();
    });

    it(`${name}: step() with no gradient at all changes nothing; a parameter with grad null is skipped`, () => {
      const a = f64([1, 2], true);
      const b = f64([3, 4], true);
      const opt = make([a, b]);
      const stateBefore = JSON.stringify(Object.keys(opt.stateDict().state));
      opt.step();
      expect(a.toArray()).toEqual([1, 2]);
      expect(b.toArray()).toEqual([3, 4]);
      expect(JSON.stringify(Object.keys(opt.stateDict().state))).toBe(stateBefore);
      a.square().sum().backward(); // only a gets a gradient
      const bVersion = b.version;
      opt.step();
      expect(a.toArray()).not.toEqual([1, 2]);
      expect(b.toArray()).toEqual([3, 4]);
      expect(b.version).toBe(bVersion);
      const st = opt.state.get(b) as Record<string, unknown> | undefined;
      if (name === 'AdaGrad') expect(st!.step).toBe(0); // created up front, but not advanced
      else expect(st).toBeUndefined();
    });

    it(`${name}: updates in place (same tensor object, version bumped, still a leaf requiring grad)`, () => {
      const p = f64([1, -1], true);
      const opt = make([p]);
      p.square().sum().backward();
      const v = p.version;
      opt.step();
      expect(p.version).toBeGreaterThan(v);
      expect(p.isLeaf).toBe(true);
      expect(p.requiresGrad).toBe(true);
      expect(p.grad).not.toBeNull(); // step() leaves the grad alone
    });
  }

  it('keeps a float32 parameter float32', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    const opt = new Adam([p], { lr: 0.1 });
    p.square().sum().backward();
    opt.step();
    expect(p.dtype).toBe('float32');
    expect(p.toArray()[0]).toBeCloseTo(0.9, 6);
  });

  it('step(closure) evaluates the closure with gradients on and returns its result', () => {
    const p = f64([3], true);
    const opt = new SGD([p], { lr: 0.25 });
    const loss = noGrad(() =>
      opt.step(() => {
        opt.zeroGrad();
        const l = p.square().sum();
        l.backward();
        return l.item();
      }),
    );
    expect(loss).toBe(9);
    expect(p.item()).toBe(1.5);
  });
});

describe('parameter groups and hyperparameter changes', () => {
  it('each group uses its own options, the defaults fill in the rest', () => {
    const q = quadratic([1, 2, 3], [0.5, -0.5, 1]);
    const a = f64([1, 2, 3], true);
    const b = f64([1, 2, 3], true);
    const opt = new SGD(
      [
        { params: [a] },
        { params: [b], lr: 0.05, nesterov: true },
      ],
      { lr: 0.01, momentum: 0.9 },
    );
    expect(opt.paramGroups.map((g) => [g.lr, g.momentum, g.nesterov])).toEqual([
      [0.01, 0.9, false],
      [0.05, 0.9, true],
    ]);
    const refA = refSGD({ lr: 0.01, momentum: 0.9 });
    const refB = refSGD({ lr: 0.05, momentum: 0.9, nesterov: true });
    const wa = [1, 2, 3];
    const wb = [1, 2, 3];
    for (let t = 1; t <= 20; t++) {
      opt.zeroGrad();
      q.loss(a).add(q.loss(b)).backward();
      opt.step();
      refA.step(wa, q.grad(wa));
      refB.step(wb, q.grad(wb));
      expectClose(a.toArray(), wa, 1e-12, `group 0, step ${t}`);
      expectClose(b.toArray(), wb, 1e-12, `group 1, step ${t}`);
    }
  });

  it('SGD with groups needs no default lr if every group gives one', () => {
    const a = f64([1], true);
    const opt = new SGD([{ params: [a], lr: 0.5 }]);
    setGrad(a, [1]);
    opt.step();
    expect(a.item()).toBe(0.5);
  });

  it('addParamGroup adds parameters later (AdaGrad creates their state at once)', () => {
    const a = f64([1], true);
    const b = f64([2], true);
    const opt = new AdaGrad([a], { lr: 0.1 });
    opt.addParamGroup({ params: [b], lr: 0.2 });
    expect(opt.paramGroups[1].lr).toBe(0.2);
    expect(opt.stateDict().state[1].step).toBe(0);
    expect(() => opt.addParamGroup({ params: [a] })).toThrow(/more than once/);
  });

  it('a changed group lr applies from the next step (as a schedule would do it)', () => {
    const p = f64([1], true);
    const opt = new SGD([p], { lr: 0.1 });
    setGrad(p, [1]);
    opt.step();
    opt.paramGroups[0].lr = 0.01;
    opt.step();
    expect(p.item()).toBeCloseTo(1 - 0.1 - 0.01, 15);
  });
});

describe('stateDict / loadStateDict', () => {
  const makers: [string, (ps: Tensor[]) => Optimizer<{ lr: number }, object>][] = [
    ['SGD momentum', (ps) => new SGD(ps, { lr: 0.01, momentum: 0.9, dampening: 0.1 })],
    ['AdaGrad', (ps) => new AdaGrad(ps, { lr: 0.1, lrDecay: 0.01 })],
    ['RMSProp centered momentum', (ps) => new RMSProp(ps, { lr: 0.01, centered: true, momentum: 0.9 })],
    ['Adam amsgrad', (ps) => new Adam(ps, { lr: 0.05, amsgrad: true })],
  ];
  const q = quadratic([1, 5, 0.5, 2], [1, -1, 2, 0]);
  const run = (opt: Optimizer<{ lr: number }, object>, p: Tensor, steps: number): void => {
    for (let i = 0; i < steps; i++) {
      opt.zeroGrad();
      q.loss(p).backward();
      opt.step();
    }
  };

  for (const [name, make] of makers) {
    it(`${name}: a run continued from a loaded state dict is identical to the uninterrupted run`, () => {
      const p1 = f64([0, 0, 0, 0], true);
      const opt1 = make([p1]);
      run(opt1, p1, 7);
      const saved = opt1.stateDict();
      const savedJson = JSON.stringify(saved, (_k, v) => (v && typeof v === 'object' && 'toArray' in v ? v.toArray() : v));

      const p2 = f64(p1.toArray(), true);
      const opt2 = make([p2]);
      opt2.paramGroups[0].lr = 123; // restored from the dict
      opt2.loadStateDict(saved);
      expect(opt2.paramGroups[0].lr).toBe(opt1.paramGroups[0].lr);

      run(opt1, p1, 10);
      run(opt2, p2, 10);
      expect(p2.toArray()).toEqual(p1.toArray());
      // the dict was a snapshot: the later steps did not change it
      expect(JSON.stringify(saved, (_k, v) => (v && typeof v === 'object' && 'toArray' in v ? v.toArray() : v))).toBe(savedJson);
      const stepOf = (sd: ReturnType<typeof opt1.stateDict>) => (sd.state[0] as Record<string, unknown>).step;
      if (name !== 'SGD momentum') {
        expect(stepOf(saved)).toBe(7);
        expect(stepOf(opt2.stateDict())).toBe(17);
      } else {
        expect(Object.keys(saved.state[0])).toEqual(['momentumBuffer']);
      }
    });
  }

  it('restores per-group options and state of several groups', () => {
    const a = f64([1, 2], true);
    const b = f64([3], true);
    const opt = new Adam([{ params: [a] }, { params: [b], betas: [0.5, 0.6] }], { lr: 0.1 });
    setGrad(a, [1, 1]);
    setGrad(b, [1]);
    opt.step();
    const sd = opt.stateDict();
    expect(sd.paramGroups.map((g) => g.params)).toEqual([[0], [1]]);
    expect(sd.paramGroups[1].betas).toEqual([0.5, 0.6]);
    const a2 = f64([0, 0], true);
    const b2 = f64([0], true);
    const opt2 = new Adam([{ params: [a2] }, { params: [b2] }]);
    opt2.loadStateDict(sd);
    expect(opt2.paramGroups[1].betas).toEqual([0.5, 0.6]);
    expect(opt2.paramGroups[0].lr).toBe(0.1);
    expect(opt2.state.get(b2)!.expAvg.toArray()).toEqual([0.5]);
    expect(opt2.state.get(b2)!.step).toBe(1);
  });

  it('casts loaded state to the parameter dtype', () => {
    const a = f64([1, 2], true);
    const opt = new Adam([a]);
    setGrad(a, [1, 1]);
    opt.step();
    const a32 = tensor([1, 2], { requiresGrad: true });
    const opt32 = new Adam([a32]);
    opt32.loadStateDict(opt.stateDict());
    expect(opt32.state.get(a32)!.expAvg.dtype).toBe('float32');
  });

  it('refuses a dict that does not fit, and leaves the optimizer unchanged', () => {
    const a = f64([1, 2], true);
    const b = f64([3], true);
    const opt = new Adam([a, b], { lr: 0.1 });
    setGrad(a, [1, 1]);
    setGrad(b, [1]);
    opt.step();
    const sd = opt.stateDict();
    expect(() => new Adam([{ params: [f64([1, 2], true)] }, { params: [f64([3], true)] }]).loadStateDict(sd)).toThrow(
      /state dict has 1 parameter groups but the optimizer has 2/,
    );
    expect(() => new Adam([f64([1, 2], true)]).loadStateDict(sd)).toThrow(/group 0 has 2 parameters in the state dict but 1 in the optimizer/);
    expect(() => new Adam([f64([1, 2], true), f64([3, 4], true)]).loadStateDict(sd)).toThrow(
      /state 'expAvg' of parameter 1 has shape \[1\] but the parameter has shape \[2\]/,
    );
    const target = new Adam([f64([1, 2], true), f64([3], true)]);
    const bad = { ...sd, paramGroups: [{ ...sd.paramGroups[0], lr: -1 }] };
    expect(() => target.loadStateDict(bad)).toThrow(/invalid learning rate lr -1/);
    expect(target.paramGroups[0].lr).toBe(1e-3);
    expect(target.state.size).toBe(0);
    expect(() => target.loadStateDict({} as never)).toThrow(/expected an object \{ state, paramGroups \}/);
  });
});

describe('lr = 0', () => {
  it('leaves the parameters where they are while the state still advances', () => {
    const q = quadratic([2, 3], [1, -1]);
    const p = f64([0, 0], true);
    const opt = new Adam([p], { lr: 0.1 });
    const w = [0, 0];
    const ref = refAdam({ lr: 0.1 });
    for (let t = 0; t < 3; t++) {
      opt.zeroGrad();
      q.loss(p).backward();
      opt.step();
      ref.step(w, q.grad(w));
    }
    expectClose(p.toArray(), w, 1e-12, 'after 3 steps');
    opt.paramGroups[0].lr = 0;
    const before = p.toArray();
    opt.zeroGrad();
    q.loss(p).backward();
    opt.step();
    expect(p.toArray()).toEqual(before);
    expect(opt.state.get(p)!.step).toBe(4);
  });
});
