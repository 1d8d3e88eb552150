/**
 * The engine against PyTorch: fixtures written by tools/golden/make_golden.py (PyTorch 1.13,
 * float64). Regenerate with `/usr/bin/python3 tools/golden/make_golden.py` from the repository
 * root; see tools/golden/README.md.
 *
 * ops.json   forward value and input gradients (out.backward(upstream)) of every tensor op
 * nn.json    Linear, mseLoss, crossEntropy, nllLoss and a small MLP (state_dict names)
 * optim.json 20-step trajectories of SGD / AdaGrad / RMSProp / Adam on one fixed problem
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import * as engine from '../src/index.js';

// The engine is reached dynamically so that a missing export is reported by name (and the
// file still type-checks while the API grows).
const E: any = engine;

const OPS_TOL = 1e-10;
const NN_TOL = 1e-10;
const OPTIM_TOL = 1e-9;

// ---------------------------------------------------------------------------------------------
// fixtures

interface Arr {
  shape: number[];
  dtype?: 'float64' | 'int64';
  data: number[];
}

interface OpCase {
  name: string;
  op: string;
  inputs: Arr[];
  kwargs: Record<string, any>;
  output: Arr;
  upstream: Arr | null;
  grads: (Arr | null)[];
}

interface NnCase {
  name: string;
  kind: 'linear' | 'mseLoss' | 'crossEntropy' | 'nllLoss' | 'mlp';
  [key: string]: any;
}

interface OptimRun {
  name: string;
  optimizer: 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam';
  options: Record<string, any>;
  losses: number[];
  params: number[][];
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8')) as T;
}

const OPS = load<{ torch_version: string; cases: OpCase[] }>('ops.json');
const NN = load<{ torch_version: string; cases: NnCase[] }>('nn.json');
const OPTIM = load<{
  torch_version: string;
  problem: { steps: number; p0: Arr; c: Arr; t: Arr; w: Arr };
  runs: OptimRun[];
}>('optim.json');

// ---------------------------------------------------------------------------------------------
// helpers

/** A fixture array as an engine tensor: float64 (optionally requiring grad), int64 → int32. */
function T(a: Arr, requiresGrad = false): any {
  if (a.dtype === 'int64') {
    return E.tensor(Int32Array.from(a.data), { shape: a.shape, dtype: 'int32' });
  }
  return E.tensor(Float64Array.from(a.data), { shape: a.shape, dtype: 'float64', requiresGrad });
}

const fmtShape = (s: readonly number[]) => `[${s.join(',')}]`;

function fmtData(d: ArrayLike<number>, max = 12): string {
  const xs = Array.from(d).slice(0, max).map((v) => String(v));
  return `[${xs.join(', ')}${d.length > max ? `, … (${d.length})` : ''}]`;
}

/** |got - expected| <= tol + tol*|expected| elementwise; a message on failure, null if close. */
function compare(label: string, got: any, expected: Arr, tol: number): string | null {
  if (got === null || got === undefined) return `${label}: expected a tensor ${fmtShape(expected.shape)}, got ${got}`;
  const shape = Array.from(got.shape as ArrayLike<number>);
  if (fmtShape(shape) !== fmtShape(expected.shape)) {
    return `${label}: shape expected ${fmtShape(expected.shape)}, got ${fmtShape(shape)}`;
  }
  const values = Array.from(got.toArray() as ArrayLike<number | boolean>, Number);
  return compareValues(label, values, expected.data, tol);
}

function compareValues(label: string, got: number[], expected: number[], tol: number): string | null {
  if (got.length !== expected.length) {
    return `${label}: ${expected.length} values expected, got ${got.length}`;
  }
  const bad: number[] = [];
  let worst = -1;
  let worstErr = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const g = got[i];
    const err = Math.abs(g - e);
    if (!(err <= tol + tol * Math.abs(e))) {
      bad.push(i);
      const rel = Number.isNaN(err) ? Infinity : err / (tol + tol * Math.abs(e));
      if (rel > worstErr || worst < 0) {
        worst = i;
        worstErr = rel;
      }
    }
  }
  if (bad.length === 0) return null;
  const first = bad
    .slice(0, 4)
    .map((i) => `[${i}] expected ${expected[i]} got ${got[i]}`)
    .join('; ');
  return (
    `${label}: ${bad.length}/${expected.length} values differ (tol ${tol}); ` +
    `worst [${worst}] expected ${expected[worst]} got ${got[worst]} (abs err ${Math.abs(got[worst] - expected[worst])}); ` +
    `first: ${first}`
  );
}

function report(caseName: string, context: string, problems: (string | null)[]): void {
  const msgs = problems.filter((p): p is string => p !== null);
  if (msgs.length > 0) expect.fail(`${caseName}\n  ${context}\n  ${msgs.join('\n  ')}`);
}

const lookup = (name: string, ns?: string): any => (ns ? E[ns]?.[name] : undefined) ?? E[name];

// ---------------------------------------------------------------------------------------------
// op name → engine call

type OpFn = (xs: any[], kw: Record<string, any>) => any;

const dimArgs = (kw: Record<string, any>): any[] =>
  kw.dim === null || kw.dim === undefined ? (kw.keepdim ? [undefined, true] : []) : [kw.dim, kw.keepdim];

const OP_CALLS: Record<string, OpFn> = {
  neg: ([x]) => x.neg(),
  exp: ([x]) => x.exp(),
  log: ([x]) => x.log(),
  sqrt: ([x]) => x.sqrt(),
  abs: ([x]) => x.abs(),
  relu: ([x]) => x.relu(),
  sigmoid: ([x]) => x.sigmoid(),
  tanh: ([x]) => x.tanh(),
  powScalar: ([x], kw) => x.pow(kw.exponent),
  add: ([a, b]) => a.add(b),
  sub: ([a, b]) => a.sub(b),
  mul: ([a, b]) => a.mul(b),
  div: ([a, b]) => a.div(b),
  pow: ([a, b]) => a.pow(b),
  maximum: ([a, b]) => a.maximum(b),
  minimum: ([a, b]) => a.minimum(b),
  eq: ([a, b]) => a.eq(b),
  ne: ([a, b]) => a.ne(b),
  lt: ([a, b]) => a.lt(b),
  le: ([a, b]) => a.le(b),
  gt: ([a, b]) => a.gt(b),
  ge: ([a, b]) => a.ge(b),
  sum: ([x], kw) => x.sum(...dimArgs(kw)),
  mean: ([x], kw) => x.mean(...dimArgs(kw)),
  max: ([x], kw) => x.max(...dimArgs(kw)),
  min: ([x], kw) => x.min(...dimArgs(kw)),
  argmax: ([x], kw) => x.argmax(...dimArgs(kw)),
  logsumexp: ([x], kw) => x.logsumexp(kw.dim, kw.keepdim),
  matmul: ([a, b]) => a.matmul(b),
  reshape: ([x], kw) => x.reshape(kw.shape),
  transpose: ([x], kw) => x.transpose(kw.dim0, kw.dim1),
  permute: ([x], kw) => x.permute(...kw.dims),
  squeeze: ([x], kw) => (kw.dim === null ? x.squeeze() : x.squeeze(kw.dim)),
  unsqueeze: ([x], kw) => x.unsqueeze(kw.dim),
  gather: ([x, index], kw) => x.gather(kw.dim, index),
  cat: (xs, kw) => E.cat(xs, kw.dim),
  stack: (xs, kw) => E.stack(xs, kw.dim),
  softmax: ([x], kw) => x.softmax(kw.dim),
  logSoftmax: ([x], kw) => x.logSoftmax(kw.dim),
};

/** Ops whose output dtype is fixed by PyTorch and checked (comparisons: values only). */
const EXPECTED_DTYPE: Record<string, string> = { argmax: 'int32' };
const VALUES_ONLY = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

// ---------------------------------------------------------------------------------------------

describe('golden fixtures', () => {
  it('were made by PyTorch and cover every op the test knows', () => {
    expect(OPS.torch_version).toMatch(/^\d+\.\d+/);
    const ops = new Set(OPS.cases.map((c) => c.op));
    expect([...ops].filter((op) => !(op in OP_CALLS))).toEqual([]);
    expect(Object.keys(OP_CALLS).filter((op) => !ops.has(op))).toEqual([]);
  });

  it('the engine exports every name the fixtures use', () => {
    const missing: string[] = [];
    for (const name of ['tensor', 'cat', 'stack']) if (typeof E[name] !== 'function') missing.push(name);
    for (const name of ['Linear', 'Sequential', 'ReLU', 'mseLoss', 'crossEntropy', 'nllLoss']) {
      if (typeof lookup(name, 'nn') !== 'function') missing.push(name);
    }
    for (const name of ['SGD', 'AdaGrad', 'RMSProp', 'Adam']) {
      if (typeof lookup(name, 'optim') !== 'function') missing.push(name);
    }
    expect(missing, `missing engine exports: ${missing.join(', ')}`).toEqual([]);
  });
});

const byOp = new Map<string, OpCase[]>();
for (const c of OPS.cases) {
  if (!byOp.has(c.op)) byOp.set(c.op, []);
  byOp.get(c.op)!.push(c);
}

describe(`ops vs PyTorch ${OPS.torch_version} (tol ${OPS_TOL})`, () => {
  for (const [op, cases] of byOp) {
    describe(op, () => {
      for (const c of cases) {
        it(c.name, () => {
          const inputs = c.inputs.map((a, i) => T(a, c.grads[i] !== null));
          const context =
            `op ${c.op}(${c.inputs.map((a) => `${a.dtype} ${fmtShape(a.shape)} ${fmtData(a.data, 6)}`).join(', ')})` +
            ` kwargs ${JSON.stringify(c.kwargs)}`;
          let out: any;
          try {
            out = OP_CALLS[c.op](inputs, c.kwargs);
          } catch (e) {
            report(c.name, context, [`forward threw: ${(e as Error).message}`]);
          }
          const problems: (string | null)[] = [];
          if (VALUES_ONLY.has(c.op)) {
            problems.push(compare('output', out, c.output, 0));
          } else {
            const want = EXPECTED_DTYPE[c.op] ?? 'float64';
            if (out?.dtype !== want) problems.push(`output dtype: expected ${want}, got ${out?.dtype}`);
            problems.push(compare('output', out, c.output, OPS_TOL));
          }
          if (c.upstream !== null) {
            try {
              out.backward(T(c.upstream));
              c.grads.forEach((g, i) => {
                if (g !== null) problems.push(compare(`grad of input ${i}`, inputs[i].grad, g, OPS_TOL));
              });
            } catch (e) {
              problems.push(`backward threw: ${(e as Error).message}`);
            }
          }
          report(c.name, context, problems);
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------

describe(`nn vs PyTorch ${NN.torch_version} (tol ${NN_TOL})`, () => {
  for (const c of NN.cases) {
    it(c.name, () => {
      const problems: (string | null)[] = [];
      let context = '';
      if (c.kind === 'linear') {
        const Linear = lookup('Linear', 'nn');
        const lin = new Linear(c.in, c.out, { dtype: 'float64' });
        lin.loadStateDict({ weight: T(c.weight), bias: T(c.bias) });
        const x = T(c.x, true);
        context = `Linear(${c.in}, ${c.out}) on x ${fmtShape(c.x.shape)}`;
        const out = lin.forward(x);
        problems.push(compare('output', out, c.output, NN_TOL));
        out.backward(T(c.upstream));
        problems.push(compare('grad x', x.grad, c.grads.x, NN_TOL));
        problems.push(compare('grad weight', lin.weight.grad, c.grads.weight, NN_TOL));
        problems.push(compare('grad bias', lin.bias.grad, c.grads.bias, NN_TOL));
      } else if (c.kind === 'mseLoss' || c.kind === 'crossEntropy' || c.kind === 'nllLoss') {
        const loss = lookup(c.kind, 'nn');
        const input = T(c.input, true);
        const target = T(c.target);
        context =
          `${c.kind}(input ${fmtShape(c.input.shape)} ${fmtData(c.input.data, 8)}, ` +
          `target ${fmtShape(c.target.shape)} ${fmtData(c.target.data, 8)}, {reduction: '${c.reduction}'})`;
        const out = loss(input, target, { reduction: c.reduction });
        problems.push(compare('output', out, c.output, NN_TOL));
        if (c.upstream) out.backward(T(c.upstream));
        else out.backward();
        problems.push(compare('grad input', input.grad, c.grads.input, NN_TOL));
      } else if (c.kind === 'mlp') {
        const Linear = lookup('Linear', 'nn');
        const ReLU = lookup('ReLU', 'nn');
        const Sequential = lookup('Sequential', 'nn');
        const crossEntropy = lookup('crossEntropy', 'nn');
        const model = new Sequential(
          new Linear(c.D, c.H, { dtype: 'float64' }),
          new ReLU(),
          new Linear(c.H, c.C, { dtype: 'float64' }),
        );
        const state: Record<string, any> = {};
        for (const [k, v] of Object.entries(c.params as Record<string, Arr>)) state[k] = T(v);
        model.loadStateDict(state);
        context = `Sequential(Linear(${c.D},${c.H}), ReLU, Linear(${c.H},${c.C})) + crossEntropy, N=${c.x.shape[0]}`;
        const named = new Map<string, any>(model.namedParameters());
        expect([...named.keys()].sort()).toEqual(Object.keys(c.grads).sort());
        const logits = model.forward(T(c.x));
        problems.push(compare('logits', logits, c.logits, NN_TOL));
        const loss = crossEntropy(logits, T(c.target));
        problems.push(compare('loss', loss, c.loss, NN_TOL));
        loss.backward();
        for (const [k, g] of Object.entries(c.grads as Record<string, Arr>)) {
          problems.push(compare(`grad ${k}`, named.get(k)?.grad, g, NN_TOL));
        }
      } else {
        throw new Error(`unknown nn fixture kind ${(c as NnCase).kind}`);
      }
      report(c.name, context, problems);
    });
  }
});

// ---------------------------------------------------------------------------------------------

const OPTIMIZER_NAMES: Record<OptimRun['optimizer'], string> = {
  SGD: 'SGD',
  Adagrad: 'AdaGrad',
  RMSprop: 'RMSProp',
  Adam: 'Adam',
};

describe(`optim vs PyTorch ${OPTIM.torch_version}: ${OPTIM.problem.steps}-step trajectories (tol ${OPTIM_TOL})`, () => {
  for (const run of OPTIM.runs) {
    it(run.name, () => {
      const { p0, c, t, w } = OPTIM.problem;
      const Optimizer = lookup(OPTIMIZER_NAMES[run.optimizer], 'optim');
      const p = T(p0, true);
      const C = T(c);
      const Tt = T(t);
      const W = T(w);
      const opt = new Optimizer([p], run.options);
      const context = `${OPTIMIZER_NAMES[run.optimizer]}(${JSON.stringify(run.options)}) on sum(c*(p-t)^2) + sum(w*tanh(p))`;
      for (let step = 0; step < run.losses.length; step++) {
        opt.zeroGrad();
        const loss = C.mul(p.sub(Tt).pow(2)).sum().add(W.mul(p.tanh()).sum());
        const lossProblem = compareValues(`step ${step}: loss before the step`, [loss.item()], [run.losses[step]], OPTIM_TOL);
        loss.backward();
        opt.step();
        const paramProblem = compareValues(
          `step ${step}: p after the step`,
          Array.from(p.toArray() as ArrayLike<number>),
          run.params[step],
          OPTIM_TOL,
        );
        // stop at the first step that diverges: later steps only repeat the difference
        if (lossProblem || paramProblem) {
          report(run.name, context, [lossProblem, paramProblem]);
        }
      }
    });
  }
});
