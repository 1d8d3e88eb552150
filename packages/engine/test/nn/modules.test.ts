/**
 * nn modules: Module (parameter and module discovery, train/eval, zeroGrad, to(dtype), printing),
 * Linear (shapes, PyTorch initialisation, seeding, errors), Sequential, the activation modules,
 * and nn.init.
 */
import { describe, it, expect } from 'vitest';
import { tensor, ones, Tensor, SGD, nn, zeros, randn, manualSeed, Generator, getBackend, registerBackend } from '../../src/index.js';

const { Module, Parameter, Linear, Sequential, ReLU, Tanh, Sigmoid, Softmax, LogSoftmax, linear, init } = nn;

class MLP extends Module {
  fc1 = new Linear(4, 3, { generator: 1 });
  act = new Tanh();
  fc2 = new Linear(3, 2, { generator: 2, bias: false });
  forward(x: Tensor): Tensor {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
  }
}

class Outer extends Module {
  body = new Sequential(new Linear(2, 3, { generator: 3 }), new ReLU());
  head = new MLP();
  scale = new Parameter(tensor([1]));
  forward(x: Tensor): Tensor {
    return x;
  }
}

describe('parameters and modules', () => {
  it('Sequential names parameters by position: 0.weight, 0.bias, 2.weight, …', () => {
    const m = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    const named = [...m.namedParameters()];
    expect(named.map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(named.map(([, p]) => p.shape)).toEqual([[3, 4], [3], [2, 3], [2]]);
    expect(m.parameters()).toEqual(named.map(([, p]) => p));
    expect(m.parameters()[0]).toBe((m.at(0) as InstanceType<typeof Linear>).weight);
    expect(m.numParameters()).toBe(12 + 3 + 6 + 2);
  });

  it('nested modules give dotted names in assignment order', () => {
    const m = new Outer();
    expect([...m.namedParameters()].map(([n]) => n)).toEqual(['scale', 'body.0.weight', 'body.0.bias', 'head.fc1.weight', 'head.fc1.bias', 'head.fc2.weight']);
    expect([...m.namedModules()].map(([n]) => n)).toEqual(['', 'body', 'body.0', 'body.1', 'head', 'head.fc1', 'head.act', 'head.fc2']);
    expect(m.modules()).toHaveLength(8);
    expect([...m.namedChildren()].map(([n]) => n)).toEqual(['body', 'head']);
    expect(m.children()).toEqual([m.body, m.head]);
    expect(m.parameters(false)).toEqual([m.scale]); // recurse = false: own parameters only
    expect([...m.head.namedParameters('head')].map(([n]) => n)).toEqual(['head.fc1.weight', 'head.fc1.bias', 'head.fc2.weight']);
  });

  it('a shared parameter is listed once (under its first name)', () => {
    class Tied extends Module {
      a = new Linear(3, 3, { generator: 1 });
      b = new Linear(3, 3, { generator: 2 });
      constructor() {
        super();
        (this.b as unknown as { weight: InstanceType<typeof Parameter> }).weight = this.a.weight;
      }
      forward(x: Tensor): Tensor {
        return this.b.forward(this.a.forward(x));
      }
    }
    const t = new Tied();
    expect([...t.namedParameters()].map(([n]) => n)).toEqual(['a.weight', 'a.bias', 'b.bias']);
    expect(new Set(t.parameters()).size).toBe(3);
    const shared = new Linear(2, 2);
    const seq = new Sequential(shared, new ReLU(), shared);
    expect(seq.parameters()).toHaveLength(2);
    expect([...seq.namedParameters()].map(([n]) => n)).toEqual(['0.weight', '0.bias']);
  });

  it('parameters require grad and are leaves; a module with none has an empty list', () => {
    for (const p of new MLP().parameters()) {
      expect(p).toBeInstanceOf(Parameter);
      expect(p.requiresGrad).toBe(true);
      expect(p.isLeaf).toBe(true);
    }
    expect(new ReLU().parameters()).toEqual([]);
    expect(new Parameter(tensor([1]), false).requiresGrad).toBe(false);
  });
});

describe('train / eval', () => {
  it('are recursive and chainable', () => {
    const m = new Outer();
    expect(m.modules().every((x) => x.training)).toBe(true);
    expect(m.eval()).toBe(m);
    expect(m.modules().every((x) => !x.training)).toBe(true);
    m.train();
    expect(m.modules().every((x) => x.training)).toBe(true);
    m.head.train(false);
    expect(m.training).toBe(true);
    expect(m.head.modules().every((x) => !x.training)).toBe(true);
  });

  it('built-in layers record no graph in eval mode, and do again after train()', () => {
    const x = tensor([[0.5, -1, 2, 0]], { requiresGrad: true });
    const layers = [new Linear(4, 4, { generator: 1 }), new ReLU(), new Sigmoid(), new Tanh(), new Softmax(1), new LogSoftmax(1)];
    const seq = new Sequential(...layers);
    for (const layer of [...layers, seq]) {
      layer.eval();
      const y = layer.forward(x);
      expect(y.requiresGrad, layer.constructor.name).toBe(false);
      expect(y.gradFn).toBeNull();
      layer.train();
      expect(layer.forward(x).requiresGrad, layer.constructor.name).toBe(true);
    }
  });

  it('eval mode gives the same values as train mode', () => {
    const m = new Sequential(new Linear(4, 3, { generator: 5 }), new ReLU(), new Linear(3, 2, { generator: 6 }));
    const x = tensor([[1, 2, 3, 4]]);
    const train = m.forward(x).toArray();
    expect(m.eval().forward(x).toArray()).toEqual(train);
  });
});

describe('zeroGrad', () => {
  it('sets every gradient to null by default, to zeros with setToNone=false', () => {
    const m = new MLP();
    m.forward(ones([2, 4])).sum().backward();
    expect(m.parameters().every((p) => p.grad !== null)).toBe(true);
    m.zeroGrad(false);
    for (const p of m.parameters()) {
      expect(p.grad!.shape).toEqual(p.shape);
      expect(p.grad!.toArray().every((v) => v === 0)).toBe(true);
    }
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('after zeroGrad, a new backward gives the fresh gradient, not the sum', () => {
    const m = new Linear(2, 1, { generator: 1 });
    const x = tensor([[1, 2]]);
    m.forward(x).sum().backward();
    const first = m.weight.grad!.toArray();
    m.zeroGrad();
    m.forward(x).sum().backward();
    expect(m.weight.grad!.toArray()).toEqual(first);
    m.forward(x).sum().backward();
    expect(m.weight.grad!.toArray()).toEqual(first.map((v) => 2 * v));
  });
});

describe("to('float64')", () => {
  it('keeps the same Parameter objects, converts values exactly, keeps them trainable leaves', () => {
    const m = new MLP();
    const before = m.parameters();
    const values = before.map((p) => p.toArray());
    expect(m.to('float64')).toBe(m);
    const after = m.parameters();
    after.forEach((p, i) => {
      expect(p).toBe(before[i]);
      expect(p.dtype).toBe('float64');
      expect(p.toArray()).toEqual(values[i]);
      expect(p.requiresGrad).toBe(true);
      expect(p.isLeaf).toBe(true);
    });
    expect(m.forward(tensor([[1, 2, 3, 4]], { dtype: 'float64' })).dtype).toBe('float64');
    m.float();
    expect(m.parameters().every((p) => p.dtype === 'float32')).toBe(true);
  });

  it('an optimizer created before the conversion still updates the model', () => {
    const m = new Linear(3, 2, { generator: 4 });
    const opt = new SGD(m.parameters(), { lr: 0.1 });
    m.double();
    const w0 = m.weight.toArray();
    const b0 = m.bias!.toArray();
    const x = tensor([[1, 2, 3]], { dtype: 'float64' });
    m.forward(x).sum().backward(); // d/dW = x for each row, d/db = 1
    opt.step();
    expect(m.weight.dtype).toBe('float64');
    m.weight.toArray().forEach((w, i) => expect(w).toBeCloseTo(w0[i] - 0.1 * [1, 2, 3][i % 3], 12));
    m.bias!.toArray().forEach((b, i) => expect(b).toBeCloseTo(b0[i] - 0.1, 12));
  });

  it('converts existing gradients too', () => {
    const m = new Linear(2, 2, { generator: 1 });
    m.forward(ones([1, 2])).sum().backward();
    m.to('float64');
    expect(m.weight.grad!.dtype).toBe('float64');
  });
});

describe('toString (like PyTorch repr)', () => {
  it('prints layers with their settings and children by name, indented', () => {
    const m = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10, { bias: false }), new LogSoftmax(1));
    expect(String(m)).toBe(
      [
        'Sequential(',
        '  (0): Linear(inFeatures=784, outFeatures=256, bias=true)',
        '  (1): ReLU()',
        '  (2): Linear(inFeatures=256, outFeatures=10, bias=false)',
        '  (3): LogSoftmax(dim=1)',
        ')',
      ].join('\n'),
    );
  });

  it('nests', () => {
    expect(String(new Outer())).toBe(
      [
        'Outer(',
        '  (body): Sequential(',
        '    (0): Linear(inFeatures=2, outFeatures=3, bias=true)',
        '    (1): ReLU()',
        '  )',
        '  (head): MLP(',
        '    (fc1): Linear(inFeatures=4, outFeatures=3, bias=true)',
        '    (act): Tanh()',
        '    (fc2): Linear(inFeatures=3, outFeatures=2, bias=false)',
        '  )',
        ')',
      ].join('\n'),
    );
    expect(String(new Softmax())).toBe('Softmax(dim=-1)');
  });
});

function stats(values: ArrayLike<number>): { mean: number; std: number; maxAbs: number } {
  let sum = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    maxAbs = Math.max(maxAbs, Math.abs(values[i]));
  }
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length), maxAbs };
}

describe('Linear', () => {
  it('has weight [out, in] and bias [out]; maps [..., in] to [..., out]', () => {
    const l = new Linear(5, 3, { generator: 1 });
    expect(l.weight.shape).toEqual([3, 5]);
    expect(l.bias!.shape).toEqual([3]);
    expect(l.inFeatures).toBe(5);
    expect(l.outFeatures).toBe(3);
    expect(l.forward(zeros([7, 5])).shape).toEqual([7, 3]);
    expect(l.forward(zeros([5])).shape).toEqual([3]);
    expect(l.forward(zeros([2, 4, 5])).shape).toEqual([2, 4, 3]);
  });

  it('computes x·Wᵀ + b', () => {
    const l = new Linear(2, 2, { dtype: 'float64' });
    l.loadStateDict({ weight: tensor([[1, 2], [3, 4]]), bias: tensor([10, 20]) });
    expect(l.forward(tensor([[1, 1], [2, -1]], { dtype: 'float64' })).tolist()).toEqual([
      [13, 27],
      [10, 22],
    ]);
    expect(linear(tensor([[1, 1]]), tensor([[1, 2], [3, 4]])).tolist()).toEqual([[3, 7]]);
  });

  it('gradients: dW = gᵀx, db = Σg, dx = gW', () => {
    const l = new Linear(2, 2, { dtype: 'float64' });
    l.loadStateDict({ weight: tensor([[1, 2], [3, 4]]), bias: tensor([0, 0]) });
    const x = tensor([[1, 2], [3, 4]], { dtype: 'float64', requiresGrad: true });
    l.forward(x).sum().backward();
    expect(l.weight.grad!.tolist()).toEqual([
      [4, 6],
      [4, 6],
    ]);
    expect(l.bias!.grad!.toArray()).toEqual([2, 2]);
    expect(x.grad!.tolist()).toEqual([
      [4, 6],
      [4, 6],
    ]);
  });

  it('bias: false has no bias parameter', () => {
    const l = new Linear(3, 2, { bias: false });
    expect(l.bias).toBeNull();
    expect([...l.namedParameters()].map(([n]) => n)).toEqual(['weight']);
    expect(l.forward(zeros([1, 3])).toArray()).toEqual([0, 0]);
  });

  it('PyTorch init: every weight and bias within ±1/√in, roughly uniform (std ≈ bound/√3)', () => {
    const l = new Linear(784, 256, { generator: 0 });
    const bound = 1 / Math.sqrt(784);
    // Math.fround: the bound as float32, since values just under it may round up to it.
    const w = stats(l.weight.toTypedArray());
    expect(w.maxAbs).toBeLessThanOrEqual(Math.fround(bound));
    expect(w.maxAbs).toBeGreaterThan(0.99 * bound); // it does reach the edges: not a narrower range
    expect(Math.abs(w.mean)).toBeLessThan(0.01 * bound);
    expect(Math.abs(w.std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.01);
    const b = stats(l.bias!.toTypedArray());
    expect(b.maxAbs).toBeLessThanOrEqual(Math.fround(bound));
    expect(b.maxAbs).toBeGreaterThan(0.9 * bound);
    expect(Math.abs(b.std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.15);
  });

  it('bias bound follows in_features, not out_features', () => {
    const l = new Linear(4, 500, { generator: 1 });
    const b = stats(l.bias!.toTypedArray());
    expect(b.maxAbs).toBeLessThanOrEqual(0.5);
    expect(b.maxAbs).toBeGreaterThan(0.45);
  });

  it('seeded init is reproducible: a seed, a Generator, manualSeed', () => {
    const a = new Linear(6, 4, { generator: 42 });
    const b = new Linear(6, 4, { generator: 42 });
    expect(b.weight.toArray()).toEqual(a.weight.toArray());
    expect(b.bias!.toArray()).toEqual(a.bias!.toArray());
    expect(new Linear(6, 4, { generator: 43 }).weight.toArray()).not.toEqual(a.weight.toArray());
    expect(new Linear(6, 4, { generator: new Generator(42) }).weight.toArray()).toEqual(a.weight.toArray());
    manualSeed(5);
    const c = new Linear(6, 4);
    const d = new Linear(6, 4); // the global stream moved on
    manualSeed(5);
    expect(new Linear(6, 4).weight.toArray()).toEqual(c.weight.toArray());
    expect(new Linear(6, 4).weight.toArray()).toEqual(d.weight.toArray());
    expect(d.weight.toArray()).not.toEqual(c.weight.toArray());
  });

  it('weights and bias are not all from the same draws', () => {
    const l = new Linear(3, 3, { generator: 7 });
    expect(l.bias!.toArray()).not.toEqual(l.weight.toArray().slice(0, 3));
  });

  it('dtype option: float64 weights', () => {
    const l = new Linear(3, 2, { dtype: 'float64', generator: 1 });
    expect(l.weight.dtype).toBe('float64');
    expect(l.bias!.dtype).toBe('float64');
    expect(l.forward(ones([1, 3], { dtype: 'float64' })).dtype).toBe('float64');
  });

  it('refuses non-positive or fractional sizes', () => {
    expect(() => new Linear(0, 3)).toThrow(/inFeatures must be a positive integer, got 0/);
    expect(() => new Linear(3, 2.5)).toThrow(/outFeatures must be a positive integer/);
  });

  it('input last-dim mismatch: names the sizes, and suggests flatten for an unflattened image', () => {
    const l = new Linear(784, 10);
    expect(() => l.forward(zeros([2, 28, 28]))).toThrow(/input of shape \[2, 28, 28\].*in_features=784.*Flatten the input first/);
    expect(() => l.forward(zeros([2, 1, 28, 28]))).toThrow(/Flatten the input first: x\.reshape\(x\.shape\[0\], -1\)/);
    let message = '';
    try {
      new Linear(10, 3).forward(zeros([4, 5]));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/input of shape \[4, 5\].*last dim of the input must be 10/);
    expect(message).not.toMatch(/Flatten/);
    expect(() => l.forward(tensor(3))).toThrow(/input of shape \[\]/);
  });

  it('dtype mismatch names both and the two fixes', () => {
    const l = new Linear(3, 2);
    expect(() => l.forward(ones([1, 3], { dtype: 'float64' }))).toThrow(/input is float64 but the layer's weights are float32.*x\.to\('float32'\).*model\.to\('float64'\)/);
    expect(() => l.forward(ones([1, 3], { dtype: 'int32' }))).toThrow(/input is int32/);
  });

  it('device mismatch names both devices', () => {
    // a second device for the test: the cpu kernels under another name
    registerBackend({ ...getBackend('cpu'), name: 'testdev' });
    const l = new Linear(3, 2);
    const x = ones([1, 3]).to('testdev');
    expect(x.device).toBe('testdev');
    expect(() => l.forward(x)).toThrow(/input is on 'testdev' but the layer is on 'cpu'.*model\.to\('testdev'\)/);
    l.to('testdev');
    expect(l.weight.device).toBe('testdev');
    expect(l.forward(x).device).toBe('testdev');
    expect(new Linear(2, 2, { device: 'testdev' }).weight.device).toBe('testdev');
  });
});

describe('Linear with the bias added by the matmul (matmulAddBias)', () => {
  it('gives the same bits, forward and backward, as the product followed by an add', () => {
    // the cpu kernels without the fused primitive, under another name
    const { matmulAddBias, ...unfused } = getBackend('cpu');
    expect(matmulAddBias).toBeTypeOf('function');
    registerBackend({ ...unfused, name: 'cpu-unfused' });
    for (const [rows, inF, outF, dtype] of [[128, 784, 256, 'float32'], [37, 300, 10, 'float32'], [5, 3, 2, 'float64']] as const) {
      const gen = new Generator(rows);
      const x = randn([rows, inF], { generator: gen, dtype });
      const w = randn([outF, inF], { generator: gen, dtype });
      const b = randn([outF], { generator: gen, dtype });
      const g = randn([rows, outF], { generator: gen, dtype });
      const results = ['cpu', 'cpu-unfused'].map((device) => {
        const [xd, wd, bd] = [x, w, b].map((t) => t.to(device).detach().requiresGrad_());
        const y = linear(xd!, wd!, bd);
        y.backward(g.to(device));
        return [y, xd!.grad!, wd!.grad!, bd!.grad!].map((t) => Array.from(t.toTypedArray()));
      });
      expect(results[0], `${rows}×${inF}→${outF} ${dtype}`).toEqual(results[1]);
    }
  });
});

describe('Sequential', () => {
  it('applies its modules in order; at() and length', () => {
    const l1 = new Linear(2, 3, { generator: 1 });
    const l2 = new Linear(3, 1, { generator: 2 });
    const relu = new ReLU();
    const seq = new Sequential(l1, relu, l2);
    expect(seq.length).toBe(3);
    expect(seq.at(0)).toBe(l1);
    expect(seq.at(2)).toBe(l2);
    expect(seq.at(-1)).toBe(l2);
    const x = tensor([[1, -2], [0.5, 3]]);
    expect(seq.forward(x).toArray()).toEqual(l2.forward(relu.forward(l1.forward(x))).toArray());
    expect(() => seq.at(3)).toThrow(/no module at index 3 \(it has 3\)/);
    expect(() => seq.at(-4)).toThrow(/no module at index -4/);
  });

  it('an empty Sequential is the identity', () => {
    const x = tensor([1, 2]);
    expect(new Sequential().forward(x)).toBe(x);
    expect(new Sequential().length).toBe(0);
  });

  it('a non-Module argument is refused with its position', () => {
    expect(() => new Sequential(new ReLU(), ((x: Tensor) => x) as never)).toThrow(/argument 1 is not a Module \(got function\).*new ReLU\(\)/);
    expect(() => new Sequential(null as never)).toThrow(/argument 0 is not a Module \(got null\)/);
    expect(() => new Sequential(ReLU as never)).toThrow(/argument 0 is not a Module/);
  });
});

describe('activation modules', () => {
  const x = tensor([[-2, -0.5, 0, 0.5, 3]], { dtype: 'float64' });
  const xs = [-2, -0.5, 0, 0.5, 3];

  it('ReLU, Sigmoid, Tanh apply elementwise', () => {
    expect(new ReLU().forward(x).toArray()).toEqual([0, 0, 0, 0.5, 3]);
    new Sigmoid()
      .forward(x)
      .toArray()
      .forEach((v, i) => expect(v).toBeCloseTo(1 / (1 + Math.exp(-xs[i])), 14));
    new Tanh()
      .forward(x)
      .toArray()
      .forEach((v, i) => expect(v).toBeCloseTo(Math.tanh(xs[i]), 14));
  });

  it('Softmax sums to one along its dim; LogSoftmax is its log', () => {
    const m = tensor([
      [1, 2, 3],
      [1000, 1000, -1000],
    ]);
    const s = new Softmax(1).forward(m).tolist() as number[][];
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    s[0].forEach((v, i) => expect(v).toBeCloseTo(Math.exp(i + 1) / z, 6));
    expect(s[1][0]).toBeCloseTo(0.5, 6);
    expect(s[1][2]).toBe(0);
    const ls = new LogSoftmax(1).forward(m).tolist() as number[][];
    ls[0].forEach((v, i) => expect(v).toBeCloseTo(i + 1 - Math.log(z), 5));
    expect(ls[1][2]).toBeCloseTo(-2000 - Math.log(2), 2); // finite, no -inf
    const cols = new Softmax(0).forward(tensor([[1, 2], [1, 2]])).toArray();
    expect(cols).toEqual([0.5, 0.5, 0.5, 0.5]);
    const last = new Softmax().forward(randn([3, 4], { generator: 1 })).sum(-1).toArray();
    last.forEach((v) => expect(v).toBeCloseTo(1, 6));
  });

  it('ReLU gradient is the step function', () => {
    const t = tensor([-1, 2], { requiresGrad: true });
    new ReLU().forward(t).sum().backward();
    expect(t.grad!.toArray()).toEqual([0, 1]);
  });
});

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

describe('init.fans', () => {
  it('Linear weights [out, in]: fanIn = in, fanOut = out', () => {
    expect(init.fans(zeros([256, 784]))).toEqual({ fanIn: 784, fanOut: 256 });
  });

  it('conv weights [out, in, kh, kw] multiply by the receptive field', () => {
    expect(init.fans(zeros([16, 3, 5, 5]))).toEqual({ fanIn: 75, fanOut: 400 });
  });

  it('need at least 2 dims', () => {
    expect(() => init.fans(zeros([5]))).toThrow(/at least 2 dims/);
  });
});

describe('init.kaimingUniform_ / init.xavierUniform_', () => {
  it('kaimingUniform_ (a = 0): U(−√(6/fanIn), √(6/fanIn)), filling the range', () => {
    const w = zeros([200, 50]);
    expect(init.kaimingUniform_(w, 0, 1)).toBe(w);
    const bound = Math.sqrt(6 / 50);
    const m = maxAbs(w.toTypedArray());
    expect(m).toBeLessThanOrEqual(Math.fround(bound));
    expect(m).toBeGreaterThan(0.99 * bound);
  });

  it('kaimingUniform_ with a = √5 (torch Linear) gives bound 1/√fanIn', () => {
    const w = zeros([100, 64]);
    init.kaimingUniform_(w, Math.sqrt(5), 2);
    const m = maxAbs(w.toTypedArray());
    expect(m).toBeLessThanOrEqual(Math.fround(1 / 8));
    expect(m).toBeGreaterThan(0.99 / 8);
  });

  it('xavierUniform_: U(−g√(6/(fanIn+fanOut)), …) with the gain', () => {
    const w = zeros([30, 70], { dtype: 'float64' });
    init.xavierUniform_(w, 1, 3);
    const bound = Math.sqrt(6 / 100);
    expect(maxAbs(w.toTypedArray())).toBeLessThanOrEqual(bound);
    expect(maxAbs(w.toTypedArray())).toBeGreaterThan(0.99 * bound);
    init.xavierUniform_(w, 2, 3);
    expect(maxAbs(w.toTypedArray())).toBeLessThanOrEqual(2 * bound);
    expect(maxAbs(w.toTypedArray())).toBeGreaterThan(1.98 * bound);
  });

  it('seeded: the same seed gives the same values', () => {
    const a = init.xavierUniform_(zeros([5, 5]), 1, 9).toArray();
    expect(init.xavierUniform_(zeros([5, 5]), 1, 9).toArray()).toEqual(a);
    expect(init.xavierUniform_(zeros([5, 5]), 1, 10).toArray()).not.toEqual(a);
  });
});

describe('init.uniform_ / normal_ / zeros_', () => {
  it('work on a Parameter that requires grad (they run under noGrad) and bump its version', () => {
    const p = new Parameter(zeros([1000], { dtype: 'float64' }));
    init.uniform_(p, 2, 3, 1);
    const v = p.toTypedArray();
    expect(Math.min(...v)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...v)).toBeLessThan(3);
    expect(p.version).toBe(1);
    expect(p.requiresGrad).toBe(true);
    init.normal_(p, 5, 0.5, 2);
    const n = Array.from(p.toTypedArray());
    const mean = n.reduce((a, b) => a + b) / n.length;
    const std = Math.sqrt(n.reduce((a, b) => a + (b - mean) ** 2, 0) / n.length);
    expect(Math.abs(mean - 5)).toBeLessThan(0.1);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.05);
    init.zeros_(p);
    expect(p.toArray().every((x) => x === 0)).toBe(true);
    expect(p.version).toBe(3);
  });

  it('keep dtype and shape', () => {
    const t = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
    init.uniform_(t, -1, 1, 4);
    expect(t.dtype).toBe('float64');
    expect(t.shape).toEqual([2, 2]);
  });
});
