import fc from 'fast-check';
import { describe } from 'vitest';
import { checkProperty, expectClose, graded, GradingFailure, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-4';
import { rubric } from '../rubric.js';
import { programs, run, type Program } from './programs.js';
import { checkForward, checkGradients, checkProgram, numberOf, referenceRun, submission, type Value } from './support.js';

const { items } = rubric;
const exact = { relative: 0, absolute: 0 };

/** A program from its leaves and steps written as [op, a, b?] (node indices; see programs.ts). */
function program(leaves: number[], steps: [string, number, number?, number?][]): Program {
  return { leaves, steps: steps.map(([op, a, b = a, exponent = 1]) => ({ op: op as Program['steps'][number]['op'], a, b, exponent })) };
}

/** Quarters in [−2.5, 2.5] without 0. */
const leafValue = fc.integer({ min: -10, max: 10 }).filter((k) => k !== 0).map((k) => k / 4);

describe('a value used more than once', () => {
  graded(items.useTwice, () => {
    checkProperty(fc.record({ x: leafValue, y: leafValue }), ({ x, y }) => {
      // Leaves used twice by one op and by two ops.
      checkProgram(program([x], [['mul', 0, 0]]));
      checkProgram(program([x], [['add', 0, 0]]));
      checkProgram(program([x, y], [['mul', 0, 1], ['add', 2, 0]]));
      checkProgram(program([x], [['mul', 0, 0], ['mul', 1, 0]]));
      // A shared sub-expression: a = x·y feeds two ops, so a must collect both before it passes on.
      checkProgram(program([x, y], [['mul', 0, 1], ['tanh', 2], ['sigmoid', 2], ['add', 3, 4]]));
      checkProgram(program([x, y], [['add', 0, 1], ['tanh', 2], ['mul', 3, 3], ['add', 4, 2]]));
    });
  });
});

describe('random expression graphs', () => {
  graded(items.randomGraphs, () => {
    checkProperty(programs(), (p) => void checkProgram(p, { numeric: true }), { numRuns: 40 });
  });
});

describe('backward() semantics', () => {
  graded(items.backwardTwice, () => {
    const check = (p: Program) => {
      const nodes = run(p, submission);
      checkForward(p, nodes);
      const out = nodes[nodes.length - 1];
      const leaves = nodes.slice(0, p.leaves.length);
      const { grads } = referenceRun(p);
      out.backward();
      out.backward();
      checkGradients(p, nodes, grads, { only: 'leaves', scale: 2, after: 'calling backward() twice (leaves add the gradient again)' });
      student.zeroGrad(leaves);
      leaves.forEach((v, i) => expectClose(numberOf(v.grad, 'zeroGrad', `x${i}.grad`), 0, { fn: 'zeroGrad', what: `x${i}.grad after zeroGrad(leaves)`, tolerance: exact }));
      out.backward();
      checkGradients(p, nodes, grads, { only: 'leaves', after: 'zeroGrad(leaves) and a third backward()' });
    };
    // A chain: the intermediate grads must be reset by each backward(), not added to.
    check(program([0.5], [['tanh', 0], ['tanh', 1], ['mul', 2, 0]]));
    checkProperty(programs({ maxSteps: 8 }), check, { numRuns: 12 });
  });

  graded(items.leaves, () => {
    const x = new student.Value(1.5);
    const y = new student.Value(-0.5);
    const isLeaf = (v: Value, code: string, expected: boolean) => {
      const got = v.isLeaf;
      if (got !== expected) throw new GradingFailure({ fn: 'Value.isLeaf', problem: `${code}.isLeaf should be ${expected}.`, expected, got });
    };
    isLeaf(x, 'new Value(1.5)', true);
    expectClose(numberOf(x.grad, 'Value', 'new Value(1.5).grad'), 0, { fn: 'Value', what: 'the grad of a new Value (before any backward())', tolerance: exact });
    isLeaf(x.add(y), 'x.add(y)', false);
    isLeaf(x.mul(2), 'x.mul(2)', false);
    isLeaf(x.tanh(), 'x.tanh()', false);
    isLeaf(x.pow(2), 'x.pow(2)', false);
    isLeaf(student.sum([x, y]), 'sum([x, y])', false);
    // Every node of the graph holds ∂out/∂node after backward(): the output 1, an unused leaf 0.
    checkProgram(program([1.5, -0.5, 2], [['mul', 0, 1], ['tanh', 3], ['add', 4, 0]]));
  });
});

describe('deep graphs', () => {
  /**
   * 60 000, not 10 000: the grader runs in a worker thread with a 4 MB stack, where micrograd's
   * recursive DFS breaks between 25 000 and 30 000 levels and the leanest recursive function
   * between 40 000 and 50 000 (in plain node's ~1 MB stack already at 8 000). README §4.7.
   */
  const DEPTH = 60_000;
  /**
   * 60 000 roundings compound along the chain, more so for a tanh built from other ops; a wrong
   * derivative is off by orders of magnitude (1 − t instead of 1 − t²: hundreds of them).
   */
  const CHAIN = { relative: 1e-6, absolute: 0 };
  graded(items.deepChain, () => {
    const x = new student.Value(0.5);
    let v = x;
    for (let i = 0; i < DEPTH; i++) v = v.tanh();
    try {
      v.backward();
    } catch (error) {
      if (error instanceof Error && error.name === 'RangeError' && /call stack/i.test(error.message)) {
        throw new GradingFailure({
          fn: 'Value.backward',
          problem:
            `backward() overflowed the call stack (RangeError: ${error.message}) on a chain x.tanh().tanh()… of ${DEPTH.toLocaleString('en')} ops: ` +
            'something in it calls itself once per node (a recursive topological sort or a recursive backward).',
        });
      }
      throw error;
    }
    // The reference: t_{k+1} = tanh(t_k), ∂out/∂x = Π (1 − t_{k+1}²).
    let t = 0.5;
    let grad = 1;
    for (let i = 0; i < DEPTH; i++) {
      t = Math.tanh(t);
      grad *= 1 - t * t;
    }
    const what = `x.grad for x = new Value(0.5) and ${DEPTH.toLocaleString('en')} × .tanh()`;
    expectClose(numberOf(v.data, 'Value.tanh', 'out.data'), t, { fn: 'Value.tanh', what: 'the value at the end of the chain', tolerance: CHAIN });
    expectClose(numberOf(x.grad, 'Value.backward', 'x.grad'), grad, { fn: 'Value.backward', what, tolerance: CHAIN });
  });

  graded(items.sum, () => {
    // Many values: the data is the sum, every gradient exactly 1.
    const many = Array.from({ length: 1000 }, (_, i) => new student.Value(Math.sin(i)));
    const total = student.sum(many);
    expectClose(numberOf(total?.data, 'sum', 'sum(values).data'), many.reduce((s, v) => s + v.data, 0), { fn: 'sum', what: 'sum of 1000 values', tolerance: TOLERANCES.float64 });
    total.backward();
    const wrong = many.findIndex((v) => v.grad !== 1);
    if (wrong >= 0) throw new GradingFailure({ fn: 'sum', problem: `values[${wrong}].grad should be 1 after sum(values).backward() for 1000 values.`, expected: 1, got: many[wrong].grad });
    // Repeats and values made by ops, then sum used by another op.
    checkProperty(fc.record({ xs: fc.array(leafValue, { minLength: 1, maxLength: 6 }), picks: fc.array(fc.nat({ max: 63 }), { minLength: 1, maxLength: 10 }), c: leafValue }), ({ xs, picks, c }) => {
      const leaves = xs.map((x) => new student.Value(x));
      const terms = picks.map((k, j) => (j % 2 === 0 ? leaves[k % xs.length] : leaves[k % xs.length].mul(leaves[k % xs.length])));
      const out = student.sum(terms).mul(c);
      const code = `sum([${picks.map((k, j) => (j % 2 === 0 ? `x${k % xs.length}` : `x${k % xs.length}.mul(x${k % xs.length})`)).join(', ')}]).mul(${c})`;
      const expectedData = picks.reduce((s, k, j) => s + (j % 2 === 0 ? xs[k % xs.length] : xs[k % xs.length] ** 2), 0) * c;
      expectClose(numberOf(out?.data, 'sum', `${code}.data`), expectedData, { fn: 'sum', what: `${code}.data`, inputs: { xs }, tolerance: TOLERANCES.float64 });
      out.backward();
      const expectedGrads = xs.map((x, i) => picks.reduce((s, k, j) => s + (k % xs.length === i ? (j % 2 === 0 ? 1 : 2 * x) : 0), 0) * c);
      expectClose(
        leaves.map((v, i) => numberOf(v.grad, 'sum', `x${i}.grad`)),
        expectedGrads,
        { fn: 'sum', what: `[x0.grad, x1.grad, …] after ${code}.backward()`, inputs: { xs }, tolerance: TOLERANCES.float64 },
      );
    });
  });
});
