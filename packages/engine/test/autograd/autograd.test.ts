/**
 * Autograd: backward() (scalar roots, explicit gradients, accumulation, retainGraph and the
 * errors that name the fix) and the recorded graph (requiresGrad rules, noGrad, detach,
 * retainGrad, in-place changes to saved tensors, int tensors, deep chains, shared sub-expressions).
 */
import { describe, it, expect } from 'vitest';
import { tensor, zeros, ones, noGrad, enableGrad, isGradEnabled, Tensor } from '../../src/index.js';

describe('backward on a scalar', () => {
  it('fills .grad of every leaf that requires grad: d/dx Σx² = 2x', () => {
    const x = tensor([1, -2, 3], { requiresGrad: true });
    const c = tensor([5, 5, 5]);
    const y = x.mul(x).add(c).sum();
    expect(y.shape).toEqual([]);
    y.backward();
    expect(x.grad!.toArray()).toEqual([2, -4, 6]);
    expect(x.grad!.shape).toEqual([3]);
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.requiresGrad).toBe(false); // the gradient itself is not in a graph
    expect(c.grad).toBeNull();
  });

  it('works for a one-element non-0-d output too', () => {
    const x = tensor([[2]], { requiresGrad: true });
    x.mul(x).backward();
    expect(x.grad!.toArray()).toEqual([4]);
  });

  it('mean divides by the count', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true, dtype: 'float64' });
    x.mean().backward();
    expect(x.grad!.toArray()).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('a leaf that is itself the root gets a gradient of one', () => {
    const x = tensor(3, { requiresGrad: true });
    x.backward();
    expect(x.grad!.item()).toBe(1);
  });
});

describe('backward with an explicit gradient', () => {
  it('computes the vector-Jacobian product', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const y = x.mul(x); // dy/dx = diag(2x)
    y.backward(tensor([1, 0.5, -1]));
    expect(x.grad!.toArray()).toEqual([2, 2, -6]);
  });

  it('refuses a gradient of another shape, naming both', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    expect(() => x.mul(2).backward(tensor([1, 1]))).toThrow(/gradient has shape \[2\] but the tensor has shape \[3\]/);
  });

  it('casts a gradient of another dtype to the output dtype, as torch does (regression)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(3).backward(tensor([1, 1], { dtype: 'float64' }));
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.toArray()).toEqual([3, 3]);
  });

  it('refuses a non-Tensor gradient with a clear message (not a crash inside the engine)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => x.mul(2).backward([1, 1] as never)).toThrow(TypeError);
    expect(() => x.mul(2).backward([1, 1] as never)).toThrow(/must be a Tensor.*tensor\(\.\.\.\)/);
    expect(() => x.mul(2).backward(1 as never)).toThrow(/must be a Tensor/);
  });
});

describe('errors naming the fix', () => {
  it('non-scalar without a gradient: reduce it or pass the gradient', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const y = x.mul(2);
    expect(() => y.backward()).toThrow(/only for a scalar output.*shape \[3\].*\.mean\(\).*backward\(gradient\)/);
    expect(x.grad).toBeNull();
  });

  it('a tensor outside the graph: says requiresGrad / noGrad / eval', () => {
    expect(() => zeros([1]).backward()).toThrow(/does not require grad.*requiresGrad: true.*noGrad\(\).*eval\(\)/);
  });
});

describe('accumulation and retainGraph', () => {
  it('gradients accumulate into leaves across two backward calls (as in torch)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([2, 4]);
    x.mul(3).sum().backward();
    expect(x.grad!.toArray()).toEqual([5, 7]);
    x.grad = null;
    x.mul(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([2, 4]);
  });

  it('retainGraph lets a second backward through the same graph; gradients add up', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.exp().mul(x).sum();
    y.backward(undefined, { retainGraph: true });
    const once = x.grad!.toArray();
    y.backward();
    x.grad!.toArray().forEach((g, i) => expect(g).toBeCloseTo(2 * once[i], 5));
  });

  it('retainGraph can be given alone, as backward({ retainGraph: true }) (regression: used to crash)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward({ retainGraph: true });
    y.backward();
    expect(x.grad!.toArray()).toEqual([4, 8]);
  });

  it('a second backward without retainGraph names the op and retainGraph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward();
    expect(() => y.backward()).toThrow(/backward through the graph a second time \(through op 'sum'\).*\{ retainGraph: true \}/);
    // the retained first result is intact
    expect(x.grad!.toArray()).toEqual([2, 4]);
  });

  it('the graph is freed after backward even below the root (a new root over an old part fails too)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.exp();
    h.sum().backward();
    expect(() => h.mul(2).sum().backward()).toThrow(/op 'exp'.*retainGraph/);
  });
});

describe('requiresGrad propagation', () => {
  it('an op on tensors that do not require grad records nothing', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    const c = a.mul(b).exp().sum();
    expect(c.requiresGrad).toBe(false);
    expect(c.gradFn).toBeNull();
    expect(c.isLeaf).toBe(true);
  });

  it('one input requiring grad is enough; the result is a non-leaf with a gradFn', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4]);
    const c = a.mul(b);
    expect(c.requiresGrad).toBe(true);
    expect(c.isLeaf).toBe(false);
    expect(c.gradFn!.name).toBe('mul');
    expect(c.add(1).gradFn!.name).toBe('add');
    expect(a.isLeaf).toBe(true);
    expect(a.gradFn).toBeNull();
  });

  it('a non-leaf cannot be switched off; requiresGrad_ sets it on a leaf', () => {
    const a = tensor([1]).requiresGrad_();
    expect(a.requiresGrad).toBe(true);
    a.requiresGrad_(false);
    expect(a.requiresGrad).toBe(false);
    const h = tensor([1], { requiresGrad: true }).mul(2);
    expect(() => {
      h.requiresGrad = false;
    }).toThrow(/non-leaf.*detach\(\)/);
  });

  it('int tensors cannot require grad (in every way of asking)', () => {
    expect(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).toThrow(TypeError);
    expect(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).toThrow(/only float tensors.*int32.*\.float\(\)/);
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => i.requiresGrad_()).toThrow(/only float tensors/);
    expect(() => {
      i.requiresGrad = true;
    }).toThrow(/only float tensors/);
    expect(i.requiresGrad).toBe(false);
    expect(tensor([1], { requiresGrad: true, dtype: 'float64' }).requiresGrad).toBe(true);
  });

  it('comparisons give masks outside the graph', () => {
    const a = tensor([1, -1], { requiresGrad: true });
    expect(a.gt(0).requiresGrad).toBe(false);
  });
});

describe('noGrad / enableGrad', () => {
  it('noGrad records nothing and returns the value of the function', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return x.mul(2).exp();
    });
    expect(y).toBeInstanceOf(Tensor);
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(isGradEnabled()).toBe(true);
  });

  it('restores the mode after an exception', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(tensor([1], { requiresGrad: true }).mul(2).requiresGrad).toBe(true);
  });

  it('nests: enableGrad inside noGrad records, and each restores its outer mode', () => {
    const x = tensor([1], { requiresGrad: true });
    noGrad(() => {
      const inner = enableGrad(() => x.mul(2));
      expect(inner.requiresGrad).toBe(true);
      expect(isGradEnabled()).toBe(false);
      noGrad(() => noGrad(() => x.mul(2)));
      expect(isGradEnabled()).toBe(false);
    });
    expect(isGradEnabled()).toBe(true);
  });

  it('refuses an async function (await would leak the mode) and restores the mode', async () => {
    let rejected: Promise<unknown> | undefined;
    expect(() => {
      rejected = noGrad((async () => 1) as never) as Promise<unknown>;
    }).toThrow(/synchronous function/);
    expect(rejected).toBeUndefined();
    expect(isGradEnabled()).toBe(true);
  });
});

describe('detach and retainGrad', () => {
  it('detach gives the same values outside the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.mul(3).detach();
    expect(d.toArray()).toEqual([3, 6]);
    expect(d.requiresGrad).toBe(false);
    expect(d.gradFn).toBeNull();
    expect(d.isLeaf).toBe(true);
  });

  it('no gradient flows through a detached branch', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x.detach()).sum().backward(); // d/dx (x·c) = c, not 2x
    expect(x.grad!.toArray()).toEqual([1, 2, 3]);
  });

  it('retainGrad keeps .grad on a non-leaf; without it a non-leaf has none', () => {
    const x = tensor([2, 3], { requiresGrad: true });
    const h = x.mul(3).retainGrad();
    const k = x.mul(3);
    h.mul(h).add(k).sum().backward();
    expect(h.grad!.toArray()).toEqual([12, 18]); // 2h
    expect(k.grad).toBeNull();
    expect(x.grad!.toArray()).toEqual([39, 57]); // 3·2h + 3
  });

  it('retainGrad on a tensor outside the graph is an error', () => {
    expect(() => ones([2]).retainGrad()).toThrow(/does not require gradients/);
  });
});

describe('in-place changes to saved tensors', () => {
  it('a saved input changed before backward: the error names the op and in-place', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const w = tensor([5, 6]);
    const y = x.mul(w).sum();
    w.add_(1);
    expect(() => y.backward()).toThrow(/gradient of op 'mul' was modified by an in-place operation.*version 0 → 1.*clone\(\)/);
  });

  it('a saved output (exp keeps its result) changed inside noGrad is caught as well', () => {
    const x = tensor([0, 1], { requiresGrad: true });
    const e = x.exp();
    const y = e.sum();
    noGrad(() => e.mul_(2));
    expect(() => y.backward()).toThrow(/op 'exp'.*in-place/);
  });

  it('changing a tensor that no backward reads is harmless (add saves nothing)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const b = tensor([5, 6]);
    const y = x.add(b).sum();
    b.add_(1);
    y.backward();
    expect(x.grad!.toArray()).toEqual([1, 1]);
  });
});

describe('graph shapes', () => {
  it('a chain of 10,000 ops backpropagates without a stack overflow', () => {
    const x = tensor([1], { requiresGrad: true, dtype: 'float64' });
    let h: Tensor = x;
    for (let i = 0; i < 10_000; i++) h = h.mul(1.0001);
    h.sum().backward();
    const expected = Math.pow(1.0001, 10_000);
    expect(Math.abs(x.grad!.item() - expected) / expected).toBeLessThan(1e-9);
  });

  it('a diamond (shared sub-expression) gives the summed gradient', () => {
    // s = x²; out = 3s + exp(s)  ⇒  d out/dx = (3 + exp(x²))·2x
    const x = tensor([0.5, -1], { requiresGrad: true, dtype: 'float64' });
    const s = x.mul(x);
    s.mul(3).add(s.exp()).sum().backward();
    const expected = [0.5, -1].map((v) => (3 + Math.exp(v * v)) * 2 * v);
    x.grad!.toArray().forEach((g, i) => expect(g).toBeCloseTo(expected[i], 12));
  });

  it('a leaf used twice in one op gets both contributions', () => {
    const x = tensor([3], { requiresGrad: true });
    x.mul(x).add(x).sum().backward(); // 2x + 1
    expect(x.grad!.item()).toBe(7);
  });

  it('broadcasting sums the gradient back to the input shape', () => {
    const w = tensor([1, 2, 3], { requiresGrad: true });
    const x = ones([4, 3]);
    x.mul(w).sum().backward();
    expect(w.grad!.shape).toEqual([3]);
    expect(w.grad!.toArray()).toEqual([4, 4, 4]);
  });

  it('only the leaves that require grad get a .grad', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = zeros([1]);
    a.add(b).sum().backward();
    expect(b.grad).toBeNull();
  });
});
