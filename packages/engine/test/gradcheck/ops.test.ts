/**
 * Property-based gradient checks of every differentiable op (and linear and the losses):
 * fast-check draws shapes (broadcasting pairs included), values and a random upstream
 * gradient; backward() must agree with central differences in float64 (./gradcheck.ts).
 * Inputs stay away from kinks (relu, abs, clamp at |x − kink| ≥ 0.01) and ties (max, min,
 * maximum, minimum), and are positive where the op needs it (log, sqrt, pow's base).
 * On failure fast-check prints the seed and the shrunk counterexample; the gradcheck message
 * names the worst element and every input.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as E from '../../src/index.js';
import type { Tensor } from '../../src/index.js';
import { record } from '../../src/autograd/record.js';
import { gradcheck, gradcheckReport, upstreamValues, type GradcheckInput } from './gradcheck.js';

/** Runs per property; GRADCHECK_RUNS=500 for a long soak (e.g. after touching a backward). */
const RUNS = Number(process.env.GRADCHECK_RUNS ?? 30);
const scaled = (n: number) => Math.max(1, Math.round((n * RUNS) / 30));

// ---- arbitraries -----------------------------------------------------------------------------

const numel = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function shapeArb(minRank = 0, maxRank = 3, minDim = 1, maxDim = 3): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength: minRank, maxLength: maxRank });
}

function valuesArb(n: number, min = -2, max = 2): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n });
}

function inputArb(shape: number[], min = -2, max = 2): fc.Arbitrary<GradcheckInput> {
  return valuesArb(numel(shape), min, max).map((data) => ({ shape, data }));
}

/** Moves every value at least `margin` away from each kink (kinks farther apart than 2·margin). */
function awayFrom(values: number[], kinks: readonly number[], margin = 0.01): number[] {
  return values.map((v) => {
    for (const k of kinks) if (Math.abs(v - k) < margin) v = k + (v >= k ? margin : -margin);
    return v;
  });
}

/**
 * Makes values pairwise distinct by at least `gap` while keeping their order: the i-th
 * smallest gets i·gap added. No ties, so max/min/maximum/minimum are differentiable there.
 */
function distinct(values: number[], gap = 0.01): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = [...values];
  order.forEach(([v, i], rank) => (out[i] = v + rank * gap));
  return out;
}

/** Two shapes that broadcast (dims 1..3, some set to 1, leading dims dropped). */
const broadcastPairArb: fc.Arbitrary<[number[], number[]]> = shapeArb(0, 3).chain((out) => {
  const operand = fc
    .tuple(fc.integer({ min: 0, max: out.length }), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }))
    .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
  return fc.tuple(operand, operand);
});

const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });

/** A permutation of 0..n-1. */
const permutationArb = (n: number): fc.Arbitrary<number[]> => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

/** Asserts a property whose cases carry their inputs, the function and an upstream seed. */
interface Case {
  inputs: GradcheckInput[];
  fn: (...xs: Tensor[]) => Tensor;
  seed: number;
  wrt?: boolean[];
  /** shown in the counterexample (dims, flags, …) */
  label?: string;
}

function checkProperty(name: string, arb: fc.Arbitrary<Case>, numRuns = RUNS): void {
  fc.assert(
    fc.property(arb, (c) => {
      gradcheck(c.fn, c.inputs, { name: `${name}${c.label ? ` (${c.label})` : ''}`, upstreamSeed: c.seed, wrt: c.wrt });
    }),
    { numRuns },
  );
}

const int32 = (data: number[], shape: number[]): Tensor => E.tensor(data, { dtype: 'int32', shape });

// ---- unary -----------------------------------------------------------------------------------

describe('gradcheck: unary ops', () => {
  const unary = (name: string, fn: (x: Tensor) => Tensor, min: number, max: number, kinks: number[] = []) =>
    it(name, () =>
      checkProperty(
        name,
        fc.record({
          inputs: shapeArb().chain((s) => inputArb(s, min, max).map((x) => [{ shape: x.shape, data: awayFrom(x.data, kinks) }])),
          fn: fc.constant(fn),
          seed: seedArb,
        }),
      ),
    );

  unary('neg', E.neg, -3, 3);
  unary('exp', E.exp, -3, 3);
  unary('log', E.log, 0.1, 5);
  unary('sqrt', E.sqrt, 0.1, 5);
  unary('abs', E.abs, -3, 3, [0]);
  unary('square', E.square, -3, 3);
  unary('relu', E.relu, -3, 3, [0]);
  unary('sigmoid', E.sigmoid, -4, 4);
  unary('tanh', E.tanh, -3, 3);
  unary('clamp(-0.5, 0.7)', (x) => E.clamp(x, -0.5, 0.7), -2, 2, [-0.5, 0.7]);
  unary('clamp(min 0.3)', (x) => E.clamp(x, 0.3), -2, 2, [0.3]);
  unary('clamp(max -0.2)', (x) => E.clamp(x, undefined, -0.2), -2, 2, [-0.2]);
  unary('pow(x, scalar 2)', (x) => E.pow(x, 2), -2, 2);
  // 0 is kept away from for x³ although it is no kink: there the gradient is 0 and the central
  // difference's truncation error h²·f'''/6 = 1e-12 makes the relative error 1e-4.
  unary('pow(x, scalar 3)', (x) => E.pow(x, 3), -2, 2, [0]);
  unary('pow(x, scalar 0.5)', (x) => E.pow(x, 0.5), 0.1, 3);
  unary('pow(x, scalar -1.5)', (x) => E.pow(x, -1.5), 0.2, 3);
  unary('pow(scalar 1.7, x)', (x) => E.pow(1.7, x), -2, 2);
});

// ---- binary (with broadcasting) --------------------------------------------------------------

describe('gradcheck: binary ops with broadcasting', () => {
  const binary = (name: string, fn: (a: Tensor, b: Tensor) => Tensor, ranges: [[number, number], [number, number]], transform?: (a: number[], b: number[]) => [number[], number[]]) =>
    it(name, () =>
      checkProperty(
        name,
        fc.record({
          inputs: broadcastPairArb.chain(([sa, sb]) =>
            fc.tuple(inputArb(sa, ...ranges[0]), inputArb(sb, ...ranges[1])).map(([a, b]) => {
              if (!transform) return [a, b];
              const [da, db] = transform(a.data, b.data);
              return [
                { shape: a.shape, data: da },
                { shape: b.shape, data: db },
              ];
            }),
          ),
          fn: fc.constant(fn),
          seed: seedArb,
        }),
      ),
    );

  /** |b| ∈ [0.5, 2]: away from the pole of a/b. */
  const awayFromZero = (a: number[], b: number[]): [number[], number[]] => [a, b.map((v) => (v >= 0 ? 0.5 + v * 0.75 : -0.5 + v * 0.75))];
  /** no value of a equals any value of b (all of a ∪ b distinct by ≥ 0.01). */
  const noTies = (a: number[], b: number[]): [number[], number[]] => {
    const all = distinct([...a, ...b]);
    return [all.slice(0, a.length), all.slice(a.length)];
  };

  binary('add', E.add, [[-2, 2], [-2, 2]]);
  binary('sub', E.sub, [[-2, 2], [-2, 2]]);
  binary('mul', E.mul, [[-2, 2], [-2, 2]]);
  binary('div', E.div, [[-2, 2], [-2, 2]], awayFromZero);
  binary('pow (tensor exponent)', E.pow, [[0.2, 2.5], [-2, 2]]);
  binary('maximum', E.maximum, [[-2, 2], [-2, 2]], noTies);
  binary('minimum', E.minimum, [[-2, 2], [-2, 2]], noTies);
  // the same op with a number on one side (the number is a 0-d constant)
  binary('add / sub / mul / div with numbers', (a, b) => E.add(E.mul(a, 1.5), E.sub(E.div(b, -2.5), 3)), [[-2, 2], [-2, 2]]);
  binary('div: number / tensor', (a, b) => E.add(E.div(2, b), a), [[-2, 2], [-2, 2]], awayFromZero);
});

// ---- reductions and softmax -----------------------------------------------------------------

describe('gradcheck: reductions', () => {
  /** A shape with dims, a dim argument (undefined, one, or several, possibly negative) and keepdim. */
  const reductionArb = (opts: { multi: boolean; allowAll: boolean; minRank?: number }) =>
    shapeArb(opts.minRank ?? 1, 3).chain((shape) => {
      const single = fc.integer({ min: -shape.length, max: shape.length - 1 });
      const several = fc.subarray([...shape.keys()], { minLength: 1 }).chain((dims) => fc.constant(dims.map((d, i) => (i % 2 ? d - shape.length : d))));
      const options: fc.Arbitrary<number | number[] | undefined>[] = [single];
      if (opts.multi) options.push(several);
      if (opts.allowAll) options.push(fc.constant(undefined));
      return fc.record({ shape: fc.constant(shape), dim: fc.oneof(...options), keepdim: fc.boolean() });
    });

  it('sum', () =>
    checkProperty(
      'sum',
      reductionArb({ multi: true, allowAll: true }).chain(({ shape, dim, keepdim }) =>
        fc.record({ inputs: inputArb(shape).map((x) => [x]), fn: fc.constant((x: Tensor) => E.sum(x, dim, keepdim)), seed: seedArb, label: fc.constant(`dim ${JSON.stringify(dim)} keepdim ${keepdim}`) }),
      ),
    ));

  it('mean', () =>
    checkProperty(
      'mean',
      reductionArb({ multi: true, allowAll: true }).chain(({ shape, dim, keepdim }) =>
        fc.record({ inputs: inputArb(shape).map((x) => [x]), fn: fc.constant((x: Tensor) => E.mean(x, dim, keepdim)), seed: seedArb, label: fc.constant(`dim ${JSON.stringify(dim)} keepdim ${keepdim}`) }),
      ),
    ));

  for (const op of ['max', 'min'] as const) {
    it(`${op} (no ties)`, () =>
      checkProperty(
        op,
        reductionArb({ multi: false, allowAll: true }).chain(({ shape, dim, keepdim }) =>
          fc.record({
            inputs: inputArb(shape).map((x) => [{ shape: x.shape, data: distinct(x.data) }]),
            fn: fc.constant((x: Tensor) => E[op](x, dim as number | undefined, keepdim)),
            seed: seedArb,
            label: fc.constant(`dim ${JSON.stringify(dim)} keepdim ${keepdim}`),
          }),
        ),
      ));
  }

  it('max splits the gradient evenly between tied maxima (torch amax rule)', () => {
    const x = E.tensor([[1, 3, 3], [2, 0, -1]], { dtype: 'float64', requiresGrad: true });
    E.max(x, 1).backward(E.tensor([2, 5], { dtype: 'float64' }));
    expect(x.grad!.toArray()).toEqual([0, 1, 1, 5, 0, 0]);
  });

  it('logsumexp', () =>
    checkProperty(
      'logsumexp',
      reductionArb({ multi: true, allowAll: false }).chain(({ shape, dim, keepdim }) =>
        fc.record({
          inputs: inputArb(shape, -3, 3).map((x) => [x]),
          fn: fc.constant((x: Tensor) => E.logsumexp(x, dim as number | number[], keepdim)),
          seed: seedArb,
          label: fc.constant(`dim ${JSON.stringify(dim)} keepdim ${keepdim}`),
        }),
      ),
    ));

  it('logsumexp at ±1000 (the shift must not break the gradient: it is softmax)', () => {
    gradcheck((x) => E.logsumexp(x, 1), [{ shape: [2, 3], data: [1000, 999, 1000.5, -1000, -1001, -999.5] }], { name: 'logsumexp ±1000', upstreamSeed: 3 });
  });

  for (const op of ['softmax', 'logSoftmax'] as const) {
    it(op, () =>
      checkProperty(
        op,
        reductionArb({ multi: false, allowAll: false }).chain(({ shape, dim }) =>
          fc.record({ inputs: inputArb(shape, -3, 3).map((x) => [x]), fn: fc.constant((x: Tensor) => E[op](x, dim as number)), seed: seedArb, label: fc.constant(`dim ${dim}`) }),
        ),
      ));
  }
});

// ---- matmul ----------------------------------------------------------------------------------

describe('gradcheck: matmul and bmm', () => {
  const dim = fc.integer({ min: 1, max: 4 });
  const matmulCase = (name: string, shapes: fc.Arbitrary<[number[], number[]]>) =>
    it(name, () =>
      checkProperty(
        `matmul ${name}`,
        shapes.chain(([sa, sb]) =>
          fc.record({ inputs: fc.tuple(inputArb(sa), inputArb(sb)), fn: fc.constant((a: Tensor, b: Tensor) => E.matmul(a, b)), seed: seedArb, label: fc.constant(`[${sa}]·[${sb}]`) }),
        ),
      ),
    );

  matmulCase('2-D · 2-D', fc.tuple(dim, dim, dim).map(([m, k, n]) => [[m, k], [k, n]]));
  matmulCase('batched 3-D · 3-D', fc.tuple(dim, dim, dim, fc.integer({ min: 1, max: 3 })).map(([m, k, n, b]) => [[b, m, k], [b, k, n]]));
  matmulCase(
    'broadcast batch ([b,1,m,k]·[c,k,n], [m,k]·[b,k,n], [b,m,k]·[k,n])',
    fc.tuple(dim, dim, dim, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 })).map(([m, k, n, b, c, kind]) =>
      kind === 0 ? [[b, 1, m, k], [c, k, n]] : kind === 1 ? [[m, k], [b, k, n]] : [[b, m, k], [k, n]],
    ),
  );
  matmulCase(
    '1-D operands ([k]·[k], [k]·[k,n], [m,k]·[k], [k]·[b,k,n], [b,m,k]·[k])',
    fc.tuple(dim, dim, dim, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4 })).map(([m, k, n, b, kind]) =>
      [[[k], [k]], [[k], [k, n]], [[m, k], [k]], [[k], [b, k, n]], [[b, m, k], [k]]][kind] as [number[], number[]],
    ),
  );

  it('bmm with every transA/transB and shared (batch 1) operands', () =>
    checkProperty(
      'bmm',
      fc
        .record({ m: dim, k: dim, n: dim, batch: fc.integer({ min: 1, max: 3 }), transA: fc.boolean(), transB: fc.boolean(), shareA: fc.boolean(), shareB: fc.boolean() })
        .chain((c) => {
          const sa = [c.shareA ? 1 : c.batch, ...(c.transA ? [c.k, c.m] : [c.m, c.k])];
          const sb = [c.shareB ? 1 : c.batch, ...(c.transB ? [c.n, c.k] : [c.k, c.n])];
          return fc.record({
            inputs: fc.tuple(inputArb(sa), inputArb(sb)),
            fn: fc.constant((a: Tensor, b: Tensor) => E.bmm(a, b, c.transA, c.transB)),
            seed: seedArb,
            label: fc.constant(`[${sa}]·[${sb}] transA ${c.transA} transB ${c.transB}`),
          });
        }),
    ));
});

// ---- shape and indexing ----------------------------------------------------------------------

describe('gradcheck: shape and indexing ops', () => {
  const one = (name: string, arb: fc.Arbitrary<{ shape: number[]; fn: (x: Tensor) => Tensor; label: string }>) =>
    it(name, () => checkProperty(name, arb.chain(({ shape, fn, label }) => fc.record({ inputs: inputArb(shape).map((x) => [x]), fn: fc.constant(fn), seed: seedArb, label: fc.constant(label) }))));

  one(
    'reshape (incl. -1)',
    shapeArb(1, 3).chain((s) =>
      fc.boolean().map((useMinus) => {
        const target = [...s].reverse();
        if (useMinus) target[0] = -1;
        return { shape: s, fn: (x: Tensor) => E.reshape(x, target), label: `[${s}] → [${target}]` };
      }),
    ),
  );
  one(
    'flatten',
    shapeArb(1, 4).chain((s) =>
      fc.tuple(fc.integer({ min: 0, max: s.length - 1 }), fc.integer({ min: 0, max: s.length - 1 })).map(([p, q]) => {
        const [start, end] = [Math.min(p, q), Math.max(p, q)];
        return { shape: s, fn: (x: Tensor) => E.flatten(x, start, end), label: `[${s}] ${start}..${end}` };
      }),
    ),
  );
  one(
    'permute',
    shapeArb(1, 4).chain((s) => permutationArb(s.length).map((p) => ({ shape: s, fn: (x: Tensor) => E.permute(x, p), label: `[${s}] (${p})` }))),
  );
  one(
    'transpose (incl. negative dims)',
    shapeArb(1, 4).chain((s) =>
      fc
        .tuple(fc.integer({ min: -s.length, max: s.length - 1 }), fc.integer({ min: -s.length, max: s.length - 1 }))
        .map(([a, b]) => ({ shape: s, fn: (x: Tensor) => E.transpose(x, a, b), label: `[${s}] ${a}↔${b}` })),
    ),
  );
  one(
    'squeeze (one dim or all)',
    shapeArb(1, 4, 1, 2).chain((s) =>
      fc.option(fc.integer({ min: -s.length, max: s.length - 1 }), { nil: undefined }).map((d) => ({ shape: s, fn: (x: Tensor) => E.squeeze(x, d), label: `[${s}] dim ${d}` })),
    ),
  );
  one(
    'unsqueeze',
    shapeArb(0, 3).chain((s) => fc.integer({ min: -s.length - 1, max: s.length }).map((d) => ({ shape: s, fn: (x: Tensor) => E.unsqueeze(x, d), label: `[${s}] dim ${d}` }))),
  );
  one(
    'expand (size-1 dims grow, new leading dims)',
    shapeArb(0, 3).chain((target) =>
      fc.tuple(fc.integer({ min: 0, max: target.length }), fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length })).map(([drop, ones]) => {
        const s = target.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d));
        const spec = target.map((d, i) => (i >= drop && !ones[i] && d > 1 && i % 2 === 0 ? -1 : d)); // -1 keeps a size
        return { shape: s, fn: (x: Tensor) => E.expand(x, spec), label: `[${s}] → [${spec}]` };
      }),
    ),
  );
  one(
    'narrow',
    shapeArb(1, 3, 1, 4).chain((s) =>
      fc.integer({ min: 0, max: s.length - 1 }).chain((d) =>
        fc.integer({ min: 0, max: s[d] - 1 }).chain((start) =>
          fc.integer({ min: 1, max: s[d] - start }).map((len) => ({ shape: s, fn: (x: Tensor) => E.narrow(x, d, start, len), label: `[${s}] dim ${d} ${start}+${len}` })),
        ),
      ),
    ),
  );
  one(
    'gather (repeated indices accumulate)',
    shapeArb(1, 3).chain((s) =>
      fc.integer({ min: 0, max: s.length - 1 }).chain((d) =>
        fc.tuple(...s.map((n, i) => (i === d ? fc.integer({ min: 1, max: 5 }) : fc.integer({ min: 1, max: n })))).chain((is) =>
          fc
            .array(fc.integer({ min: 0, max: s[d] - 1 }), { minLength: numel(is), maxLength: numel(is) })
            .map((idx) => ({ shape: s, fn: (x: Tensor) => E.gather(x, d, int32(idx, is)), label: `[${s}] dim ${d} index [${is}] ${JSON.stringify(idx)}` })),
        ),
      ),
    ),
  );
  one(
    'indexSelect (repeats, negative dim)',
    shapeArb(1, 3).chain((s) =>
      fc.integer({ min: -s.length, max: s.length - 1 }).chain((d) =>
        fc
          .array(fc.integer({ min: 0, max: s.at(d)! - 1 }), { minLength: 1, maxLength: 5 })
          .map((idx) => ({ shape: s, fn: (x: Tensor) => E.indexSelect(x, d, idx), label: `[${s}] dim ${d} ${JSON.stringify(idx)}` })),
      ),
    ),
  );

  const many = (name: string, stackNotCat: boolean) =>
    it(name, () =>
      checkProperty(
        name,
        shapeArb(1, 3).chain((s) =>
          fc.tuple(fc.integer({ min: stackNotCat ? -s.length - 1 : -s.length, max: stackNotCat ? s.length : s.length - 1 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })).chain(([d, lengths]) => {
            const axis = d < 0 ? d + s.length + (stackNotCat ? 1 : 0) : d;
            const shapes = lengths.map((len) => (stackNotCat ? s : s.map((n, i) => (i === axis ? len : n))));
            return fc.record({
              inputs: fc.tuple(...shapes.map((sh) => inputArb(sh))),
              fn: fc.constant((...xs: Tensor[]) => (stackNotCat ? E.stack(xs, d) : E.cat(xs, d))),
              seed: seedArb,
              label: fc.constant(`${shapes.map((sh) => `[${sh}]`).join(', ')} dim ${d}`),
            });
          }),
        ),
      ),
    );
  many('cat', false);
  many('stack', true);

  it('cat and stack of one tensor with itself', () => {
    gradcheck((x) => E.cat([x, E.mul(x, 2), x], 1), [{ shape: [2, 2], data: [0.3, -1, 2, 0.7] }], { name: 'cat self', upstreamSeed: 9 });
    gradcheck((x) => E.stack([x, x], 0), [{ shape: [3], data: [0.3, -1, 2] }], { name: 'stack self', upstreamSeed: 10 });
  });

  it("pow's gradient at a zero base or exponent is 0, as torch (not 0·∞ = NaN)", () => {
    const x = E.tensor([0, 2], { dtype: 'float64', requiresGrad: true });
    E.pow(x, 0).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 0]);
    const a = E.tensor([0, 0, 3], { dtype: 'float64', requiresGrad: true });
    const b = E.tensor([0, 2, 0], { dtype: 'float64', requiresGrad: true });
    E.pow(a, b).sum().backward();
    expect(a.grad!.toArray()).toEqual([0, 0, 0]); // d/da = b·a^(b−1): 0 where b = 0, 2·0 = 0 at (0, 2)
    expect(b.grad!.toArray()).toEqual([0, 0, Math.log(3)]); // d/db = aᵇ·ln a, 0 where a = 0 and b ≥ 0
  });

  it('cast float64 → float32 → float64 passes the gradient through (in the input dtype)', () => {
    const x = E.tensor([0.5, -1.25, 3], { dtype: 'float64', requiresGrad: true });
    const y = E.cast(E.mul(E.cast(x, 'float32'), E.tensor([2, 4, -8])), 'float64');
    y.backward(E.tensor([1, 0.5, 0.25], { dtype: 'float64' }));
    expect(x.grad!.dtype).toBe('float64');
    expect(x.grad!.toArray()).toEqual([2, 2, -2]);
  });
});

// ---- nn: linear and losses ------------------------------------------------------------------

describe('gradcheck: linear and losses', () => {
  const dim = fc.integer({ min: 1, max: 4 });

  it('linear (with and without bias; 1-D, 2-D and 3-D input)', () =>
    checkProperty(
      'linear',
      fc.record({ inF: dim, outF: dim, lead: shapeArb(0, 2), bias: fc.boolean() }).chain(({ inF, outF, lead, bias }) =>
        fc.record({
          inputs: fc.tuple(inputArb([...lead, inF]), inputArb([outF, inF]), inputArb([outF])),
          fn: fc.constant((x: Tensor, w: Tensor, b: Tensor) => E.linear(x, w, bias ? b : null)),
          seed: seedArb,
          wrt: fc.constant([true, true, bias]),
          label: fc.constant(`x [${lead},${inF}] W [${outF},${inF}] bias ${bias}`),
        }),
      ),
    ));

  const reductionArb = fc.constantFrom('mean' as const, 'sum' as const, 'none' as const);

  it('mseLoss (gradient w.r.t. input and target)', () =>
    checkProperty(
      'mseLoss',
      fc.record({ shape: shapeArb(1, 3), reduction: reductionArb }).chain(({ shape, reduction }) =>
        fc.record({
          inputs: fc.tuple(inputArb(shape), inputArb(shape)),
          fn: fc.constant((x: Tensor, y: Tensor) => E.mseLoss(x, y, { reduction })),
          seed: seedArb,
          label: fc.constant(`reduction ${reduction}`),
        }),
      ),
    ));

  const classCase = fc.record({ n: dim, c: fc.integer({ min: 2, max: 5 }), reduction: reductionArb }).chain(({ n, c, reduction }) =>
    fc.record({
      n: fc.constant(n),
      c: fc.constant(c),
      reduction: fc.constant(reduction),
      target: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
      logits: inputArb([n, c], -3, 3),
      seed: seedArb,
    }),
  );

  it('crossEntropy (from logits)', () =>
    checkProperty(
      'crossEntropy',
      classCase.map(({ n, reduction, target, logits, seed }) => ({
        inputs: [logits],
        fn: (x: Tensor) => E.crossEntropy(x, int32(target, [n]), { reduction }),
        seed,
        label: `target ${JSON.stringify(target)} reduction ${reduction}`,
      })),
    ));

  it('nllLoss (from log-probabilities)', () =>
    checkProperty(
      'nllLoss',
      classCase.map(({ n, reduction, target, logits, seed }) => ({
        inputs: [{ shape: logits.shape, data: logits.data.map((v) => v - 4) }],
        fn: (x: Tensor) => E.nllLoss(x, int32(target, [n]), { reduction }),
        seed,
        label: `target ${JSON.stringify(target)} reduction ${reduction}`,
      })),
    ));
});

// ---- accumulation ----------------------------------------------------------------------------

describe('gradient accumulation', () => {
  const x0 = { shape: [2, 3], data: [0.5, -1.2, 2, 0.3, -0.7, 1.1] };

  it('a tensor used twice in one op: x*x, x+x, x-x, x/x, matmul(x, xᵀ)', () => {
    gradcheck((x) => E.mul(x, x), [x0], { name: 'x*x', upstreamSeed: 1 });
    gradcheck((x) => E.add(x, x), [x0], { name: 'x+x', upstreamSeed: 2 });
    gradcheck((x) => E.add(E.sub(x, x), E.mul(x, 0.5)), [x0], { name: 'x-x', upstreamSeed: 3 });
    gradcheck((x) => E.div(x, x), [x0], { name: 'x/x', upstreamSeed: 4 });
    gradcheck((x) => E.matmul(x, E.transpose(x, 0, 1)), [x0], { name: 'x·xᵀ', upstreamSeed: 5 });
    // exact values for the simplest ones
    const x = E.tensor([1, -2, 3], { dtype: 'float64', requiresGrad: true });
    E.add(x, x).sum().backward();
    expect(x.grad!.toArray()).toEqual([2, 2, 2]);
    const y = E.tensor([1, -2, 3], { dtype: 'float64', requiresGrad: true });
    E.mul(y, y).sum().backward();
    expect(y.grad!.toArray()).toEqual([2, -4, 6]);
  });

  it('a shared sub-expression feeding several branches, with broadcasting between them', () => {
    const f = (x: Tensor) => {
      const s = E.tanh(x); // used three times
      return E.add(E.mul(s, x), E.add(E.exp(s), E.unsqueeze(E.sum(s, 1), 1)));
    };
    gradcheck(f, [x0], { name: 'shared tanh', upstreamSeed: 6 });
    // x as a row and as a column of one outer sum: x_i + x_j
    gradcheck((v) => E.mul(E.add(E.unsqueeze(v, 0), E.unsqueeze(v, 1)), E.unsqueeze(v, 1)), [{ shape: [3], data: [0.4, -1, 2] }], { name: 'outer', upstreamSeed: 7 });
    // property: random composition over a random x
    checkProperty(
      'shared sub-expression',
      fc.record({
        inputs: shapeArb(1, 3).chain((s) => inputArb(s, -1.5, 1.5)).map((x) => [x]),
        fn: fc.constant((x: Tensor) => {
          const e = E.sigmoid(x);
          return E.add(E.mul(e, e), E.mul(E.sum(e), x));
        }),
        seed: seedArb,
      }),
      scaled(20),
    );
  });

  it('leaf .grad accumulates across backward() calls (retainGraph) and is exact', () => {
    const x = E.tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
    const y = E.mul(x, x).sum();
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad!.toArray()).toEqual([4, 8, 12]);
    E.mul(x, 3).sum().backward();
    expect(x.grad!.toArray()).toEqual([7, 11, 15]);
  });
});

// ---- the checker itself ----------------------------------------------------------------------

describe('gradcheck helper', () => {
  it('catches a wrong gradient and names the worst element and the inputs', () => {
    // value 4x², but the detached factors are constants to autograd, so backward gives 3x (numeric: 8x)
    const bad = (x: Tensor) => E.add(E.square(x.detach()), E.mul(x, E.mul(x.detach(), 3)));
    expect(() => gradcheck(bad, [{ shape: [2], data: [0.5, -1] }], { name: 'bad' })).toThrow(
      /gradcheck bad: 2 of 2 gradient elements are wrong\. Worst: input 0 at \[\d\]: analytic .*, numeric .*relative error.*#0 \[2\] \[0\.500000, -1\]/,
    );
  });

  // Known-wrong ops built with record(), as a grader's mutants: each must be caught.
  const badSigmoid = (x: Tensor): Tensor => {
    const out = E.sigmoid(x.detach());
    return record(out, 'badSigmoid', [x], (g) => [E.mul(g, out)]); // σ' is σ(1−σ), not σ
  };
  const ignoresUpstream = (x: Tensor): Tensor => {
    const out = E.sigmoid(x.detach());
    return record(out, 'ignoresUpstream', [x], () => [E.mul(out, E.sub(1, out))]); // right only for g = 1
  };
  const badBroadcast = (a: Tensor, b: Tensor): Tensor => {
    const out = E.add(a.detach(), b.detach());
    return record(out, 'badBroadcast', [a, b], (g) => [g, E.narrow(g, 0, 0, 1)]); // b [1,3] gets row 0 only, not the sum
  };

  it.each([
    ['σ·g instead of σ(1−σ)·g', badSigmoid, [{ shape: [3], data: [0.2, -1, 2] }]],
    ['a backward that ignores the upstream gradient', ignoresUpstream, [{ shape: [4], data: [0.2, -1, 2, 0.5] }]],
    ['broadcasting adjoint without the sum', badBroadcast, [{ shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }, { shape: [1, 3], data: [0.5, -0.5, 1] }]],
  ] as [string, (...xs: Tensor[]) => Tensor, GradcheckInput[]][])('catches a known-wrong op: %s', (_name, f, inputs) => {
    expect(gradcheckReport(f, inputs, { upstreamSeed: 11 }).failures).toBeGreaterThan(0);
  });

  it('passes an exact gradient with relative errors near float64 rounding; the upstream gradient is random, not ones', () => {
    const report = gradcheckReport((x) => E.exp(x), [{ shape: [4], data: [0.1, -1, 2, 0.5] }], { upstreamSeed: 42 });
    expect(report.failures).toBe(0);
    expect(report.checked).toBe(4);
    expect(report.worst!.relError).toBeLessThan(1e-8);
    const u = upstreamValues(42, 100);
    expect(new Set(u).size).toBe(100);
    expect(u.every((v) => v >= -1 && v < 1)).toBe(true);
  });
});
