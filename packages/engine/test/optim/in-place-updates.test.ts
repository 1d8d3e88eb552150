/**
 * How a step writes: into the parameter's own storage, with the float rounding of the
 * out-of-place formula, without disturbing a detached copy, and caught by autograd when a
 * retained graph saved a view of the parameter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBackend, Linear, noGrad, Sequential, ReLU, tensor, type Tensor, type TypedArray } from '../../src/index.js';
import { SGD, AdaGrad, RMSProp, Adam, type Optimizer } from '../../src/optim/index.js';

type AnyOptimizer = Optimizer<{ lr: number }, object>;

/** One forward/backward on a fixed batch and a step; returns the loss. */
function trainStep(model: Sequential, opt: AnyOptimizer, x: Tensor): number {
  opt.zeroGrad();
  const loss = model.forward(x).square().mean();
  loss.backward();
  opt.step();
  return loss.item();
}

function model(dtype: 'float32' | 'float64' = 'float32'): Sequential {
  return new Sequential(new Linear(5, 4, { generator: 1, dtype }), new ReLU(), new Linear(4, 3, { generator: 2, dtype }));
}

const x = tensor(Array.from({ length: 30 }, (_, i) => Math.sin(i) * 2), { shape: [6, 5] });

const OPTIMIZERS: [string, (params: Tensor[]) => AnyOptimizer][] = [
  ['SGD', (ps) => new SGD(ps, { lr: 0.1 })],
  ['SGD with momentum, weight decay and Nesterov', (ps) => new SGD(ps, { lr: 0.05, momentum: 0.9, weightDecay: 0.01, nesterov: true })],
  ['Adam (amsgrad, weight decay)', (ps) => new Adam(ps, { lr: 0.01, amsgrad: true, weightDecay: 0.1 }) as unknown as AnyOptimizer],
  ['AdaGrad', (ps) => new AdaGrad(ps, { lr: 0.1, weightDecay: 0.01 }) as unknown as AnyOptimizer],
  ['RMSProp (centered, momentum)', (ps) => new RMSProp(ps, { lr: 0.01, centered: true, momentum: 0.5 }) as unknown as AnyOptimizer],
];

describe('optimizer steps write in place', () => {
  it.each(OPTIMIZERS)('%s: after the first step, parameters and state keep their storages (no allocation per step)', (_, make) => {
    const m = model();
    const opt = make(m.parameters());
    trainStep(m, opt, x);
    const storages = () => [...m.parameters().map((p) => p.storage), ...[...opt.state.values()].flatMap((s) => Object.values(s).filter((v): v is Tensor => typeof v === 'object').map((t) => t.storage))];
    const before = storages();
    const values = m.parameters().map((p) => p.toArray());
    trainStep(m, opt, x);
    const after = storages();
    expect(after).toHaveLength(before.length);
    after.forEach((s, i) => expect(s === before[i], `storage ${i} replaced`).toBe(true));
    // …and the values did move.
    expect(m.parameters().map((p) => p.toArray())).not.toEqual(values);
  });

  it('SGD and Adam: the same float32 values, to the bit, as the out-of-place formula with tensor ops', () => {
    const [a, b] = [model(), model()];
    const sgd = new SGD(a.parameters(), { lr: 0.05, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 });
    const buffers = new Map<Tensor, Tensor>();
    for (let step = 0; step < 4; step++) {
      trainStep(a, sgd as unknown as AnyOptimizer, x);
      // The reference: the update as SGD wrote it before, each op allocating its result.
      for (const p of b.parameters()) p.grad = null;
      b.forward(x).square().mean().backward();
      noGrad(() => {
        for (const p of b.parameters()) {
          const d = p.grad!.add(p, 0.01);
          const buf = buffers.has(p) ? buffers.get(p)!.mul(0.9).add(d, 1 - 0.1) : d.clone();
          buffers.set(p, buf);
          p.copy_(p.add(buf, -0.05));
        }
      });
      a.parameters().forEach((p, i) => expect(p.toArray(), `step ${step} parameter ${i}`).toEqual(b.parameters()[i].toArray()));
    }
    const [c, d] = [model(), model()];
    const adam = new Adam(c.parameters(), { lr: 0.01 });
    const moments = new Map<Tensor, [Tensor, Tensor]>();
    for (let step = 1; step <= 4; step++) {
      trainStep(c, adam as unknown as AnyOptimizer, x);
      for (const p of d.parameters()) p.grad = null;
      d.forward(x).square().mean().backward();
      noGrad(() => {
        for (const p of d.parameters()) {
          const g = p.grad!;
          const [m0, v0] = moments.get(p) ?? [p.mul(0), p.mul(0)];
          const m = m0.mul(0.9).add(g, 1 - 0.9);
          const v = v0.mul(0.999).add(g.mul(g), 1 - 0.999);
          moments.set(p, [m, v]);
          const denom = v.sqrt().div(Math.sqrt(1 - 0.999 ** step)).add(1e-8);
          p.copy_(p.add(m.div(denom), -0.01 / (1 - 0.9 ** step)));
        }
      });
      c.parameters().forEach((p, i) => expect(p.toArray(), `Adam step ${step} parameter ${i}`).toEqual(d.parameters()[i].toArray()));
    }
  });

  it('a detached copy (a state dict kept as a checkpoint) keeps its values through later steps', () => {
    const m = model();
    const opt = new SGD(m.parameters(), { lr: 0.1 });
    trainStep(m, opt as unknown as AnyOptimizer, x);
    const checkpoint = m.stateDict();
    const saved = Object.fromEntries(Object.entries(checkpoint).map(([k, t]) => [k, t.toArray()]));
    for (let i = 0; i < 3; i++) trainStep(m, opt as unknown as AnyOptimizer, x);
    for (const [k, t] of Object.entries(checkpoint)) expect(t.toArray(), k).toEqual(saved[k]);
    expect(m.stateDict()['0.weight'].toArray()).not.toEqual(saved['0.weight']);
  });

  it('a view of a parameter sees the step (as in PyTorch), and a retained graph that saved one refuses to backward', () => {
    const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const opt = new SGD([w], { lr: 0.5 });
    const view = w.reshape(4);
    const loss = x.narrow(1, 0, 2).matmul(w).sum();
    loss.backward({ retainGraph: true });
    opt.step();
    expect(view.toArray()).toEqual(w.toArray());
    expect(() => loss.backward()).toThrow(/needed to compute the gradient of op 'matmul' was modified by an in-place operation.*an optimizer step wrote into its storage/);
  });

  it('the public in-place ops still swap storage: a detached tensor and a view made before them keep their values', () => {
    const t = tensor([1, 2, 3, 4]);
    const view = t.reshape(2, 2);
    t.add_(1);
    expect(view.toArray()).toEqual([1, 2, 3, 4]);
  });
});

describe("the CPU backend's scaledAdd", () => {
  const cpu = getBackend('cpu');
  it.each(['float32', 'float64'] as const)('equals add(a, mul(b, alpha)) to the bit, also written into a or b (%s)', (dtype) => {
    const Array_ = dtype === 'float32' ? Float32Array : Float64Array;
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(values, values, fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom('new', 'into a', 'into b'), (av, bv, alpha, where) => {
        const n = Math.min(av.length, bv.length);
        const a = Array_.from(av.slice(0, n));
        const b = Array_.from(bv.slice(0, n));
        const scalar = Array_.of(alpha);
        const product = cpu.binary('mul', b, [n], scalar, [], [n], dtype, dtype);
        const want = Array.from(cpu.binary('add', a, [n], product, [n], [n], dtype, dtype) as TypedArray);
        const into = where === 'into a' ? a : where === 'into b' ? b : undefined;
        const got = cpu.scaledAdd!(a, b, alpha, n, dtype, into) as TypedArray;
        if (into) expect(got).toBe(into);
        expect(Array.from(got)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
