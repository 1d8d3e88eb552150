import fc from 'fast-check';
import { describe } from 'vitest';
import { Tensor, tensor } from '@dlcourse/engine';
import { arb, checkProperty, expectClose, formatNumber, formatValue, graded, GradingFailure } from '@dlcourse/grading';
import * as student from '@submission/exercise-3';
import { rubric } from '../rubric.js';

/*
 * minimize() is graded with the grader's own optimizer (plain SGD, below), so these tests depend
 * only on the loop and its stopping rules (README §3.8), not on the submission's optimizers.
 * f(x) = ½‖x‖², ∇f(x) = x: with lr = 0.5 every step halves x, with lr = 3 it multiplies x by −2,
 * so on inputs of few binary digits every x_k, ‖x_k − x_{k−1}‖ and f(x_k) is exact, and a
 * threshold can be set to exactly one of them to test "<" against "≤".
 */

const { items } = rubric;
type Reason = 'maxIterations' | 'tolerance' | 'targetLoss' | 'divergence';

interface Criteria {
  maxIterations: number;
  tolerance?: number;
  targetLoss?: number;
  divergenceFactor?: number;
}

/** w ← w − η g, as a tensor optimizer that keeps no state and changes nothing. */
class GraderSGD {
  constructor(readonly lr: number) {}
  step(params: Tensor, grad: Tensor): Tensor {
    return params.sub(grad.mul(this.lr));
  }
}

interface Setup {
  /** How the case is described in a failure message. */
  description: string;
  f: (x: Tensor) => number;
  grad: (x: Tensor) => Tensor;
  x0: Tensor;
  lr: number;
  criteria: Criteria;
}

const halfSquaredNorm = (x: Tensor): number => 0.5 * x.toArray().reduce((s, v) => s + v * v, 0);
const identity = (x: Tensor): Tensor => x;

function vector(values: number[]): Tensor {
  return arb.printable(tensor(Float64Array.from(values)));
}

function distance(a: Tensor, b: Tensor): number {
  const bv = b.toArray();
  return Math.sqrt(a.toArray().reduce((s, v, i) => s + (v - bv[i]) ** 2, 0));
}

interface Run {
  reason: Reason;
  iterations: number;
  xs: Tensor[];
  losses: number[];
}

/** The loop of README §3.8, line by line: the grader's reference. */
function referenceMinimize({ f, grad, x0, lr, criteria }: Setup): Run {
  const { maxIterations, tolerance, targetLoss, divergenceFactor } = criteria;
  const optimizer = new GraderSGD(lr);
  const xs = [x0];
  const losses = [f(x0)];
  for (let k = 0; ; ) {
    if (k === maxIterations) return { reason: 'maxIterations', iterations: k, xs, losses };
    const x = xs[k];
    const next = optimizer.step(x, grad(x));
    k += 1;
    const loss = f(next);
    xs.push(next);
    losses.push(loss);
    if (divergenceFactor !== undefined && (!Number.isFinite(loss) || loss > divergenceFactor * losses[0])) return { reason: 'divergence', iterations: k, xs, losses };
    if (targetLoss !== undefined && loss < targetLoss) return { reason: 'targetLoss', iterations: k, xs, losses };
    if (tolerance !== undefined && distance(next, x) < tolerance) return { reason: 'tolerance', iterations: k, xs, losses };
  }
}

/** The first steps of the expected run, for a failure message: f(x_k) and the step's length. */
function describeRun(run: Run): string {
  const shown = run.losses.slice(0, 12).map((loss, k) => {
    const change = k === 0 ? '' : `, ‖x_${k} − x_${k - 1}‖ = ${formatNumber(distance(run.xs[k], run.xs[k - 1]))}`;
    return `k = ${k}: f = ${formatNumber(loss)}${change}`;
  });
  if (run.losses.length > 12) shown.push(`… (${run.losses.length} values in all)`);
  return `the expected run:\n      ${shown.join('\n      ')}`;
}

/** The thresholds the criteria compare with, e.g. "divergenceFactor·f(x_0) = 2.5". */
function describeThresholds({ maxIterations, tolerance, targetLoss, divergenceFactor }: Criteria, f0: number): string {
  const parts = [`at most ${steps(maxIterations)}`];
  if (tolerance !== undefined) parts.push(`stop when ‖x_k − x_{k−1}‖ < ${formatNumber(tolerance)}`);
  if (targetLoss !== undefined) parts.push(`stop when f(x_k) < ${formatNumber(targetLoss)}`);
  if (divergenceFactor !== undefined) parts.push(`stop when f(x_k) is not finite or > divergenceFactor·f(x_0) = ${formatNumber(divergenceFactor * f0)}`);
  return `the criteria: ${parts.join('; ')}`;
}

function steps(n: unknown): string {
  return n === 1 ? '1 step' : `${formatValue(n)} steps`;
}

/**
 * Runs the submission's minimize on the setup and compares reason, iterations, losses and x
 * with the reference (and, where the test states it, with the iteration it must stop at).
 */
function expectStops(setup: Setup, stated?: { reason: Reason; iterations: number }): void {
  const expected = referenceMinimize(setup);
  if (stated && (stated.reason !== expected.reason || stated.iterations !== expected.iterations)) {
    throw new Error(`grader bug: the reference stops with ${expected.reason} after ${expected.iterations} steps, the test says ${stated.reason} after ${stated.iterations}.`);
  }
  const x0Before = setup.x0.toArray();
  const inputs = { 'f, grad': setup.description, x0: setup.x0, optimizer: `SGD with lr = ${setup.lr}`, criteria: setup.criteria };
  const got = student.minimize(setup.f, setup.grad, setup.x0, new GraderSGD(setup.lr), setup.criteria) as unknown;
  const fail = (problem: string, detail?: string): never => {
    throw new GradingFailure({ fn: 'minimize', problem, inputs, detail: [detail, describeThresholds(setup.criteria, expected.losses[0]), describeRun(expected)].filter(Boolean).join('\n  ') });
  };
  if (got === null || typeof got !== 'object') fail(`it should return { x, iterations, losses, reason }, but it returned ${formatValue(got)}.`);
  const result = got as Record<string, unknown>;
  const k = expected.iterations;
  if (result.reason !== expected.reason || result.iterations !== k) {
    fail(`it stopped with reason ${formatValue(result.reason)} after ${steps(result.iterations)}, but should stop with ${formatValue(expected.reason)} after ${steps(k)}.`);
  }
  if (!Array.isArray(result.losses)) fail(`losses should be an array of numbers f(x_0), …, f(x_${k}), but it is ${formatValue(result.losses)}.`);
  expectClose(result.losses as number[], expected.losses, {
    fn: 'minimize',
    what: k === 0 ? 'losses (just [f(x_0)]: no step was taken)' : `losses (f(x_0), …, f(x_${k}): ${k + 1} values, one more than the steps)`,
    inputs,
    tolerance: { relative: 1e-12, absolute: 0 },
  });
  expectClose(result.x, expected.xs[k], { fn: 'minimize', what: `x (the last point x_${k})`, inputs, tolerance: { relative: 1e-12, absolute: 0 } });
  expectClose(setup.x0, x0Before, { fn: 'minimize', what: 'x0 after the call (minimize must not change it)', inputs, tolerance: { relative: 0, absolute: 0 } });
}

/** Points with few binary digits, far from 0 (so 1e-12 never stops the run by accident). */
const startingPoint = fc.array(fc.integer({ min: 1, max: 40 }).chain((m) => fc.constantFrom(m / 8, -m / 8)), { minLength: 1, maxLength: 4 });
const HALVING = '½‖x‖², ∇ = x (each step with lr = 0.5 halves x)';

describe('minimize: the four stopping criteria', () => {
  graded(items.stopMaxIterations, () => {
    expectStops({ description: HALVING, f: halfSquaredNorm, grad: identity, x0: vector([3, -4]), lr: 0.5, criteria: { maxIterations: 0 } }, { reason: 'maxIterations', iterations: 0 });
    expectStops({ description: HALVING, f: halfSquaredNorm, grad: identity, x0: vector([3, -4]), lr: 0.5, criteria: { maxIterations: 1 } }, { reason: 'maxIterations', iterations: 1 });
    checkProperty(
      fc.record({
        n: fc.integer({ min: 0, max: 12 }),
        lr: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        x0: startingPoint,
        others: fc.boolean(),
      }),
      ({ n, lr, x0, others }) => {
        // With `others`, the other three criteria are given but cannot fire in these n steps.
        const criteria: Criteria = others ? { maxIterations: n, tolerance: 1e-12, targetLoss: -1, divergenceFactor: 1e6 } : { maxIterations: n };
        expectStops({ description: '½‖x‖², ∇ = x', f: halfSquaredNorm, grad: identity, x0: vector(x0), lr, criteria }, { reason: 'maxIterations', iterations: n });
      },
      { numRuns: 25 },
    );
  });

  graded(items.stopTolerance, () => {
    // ‖x_k − x_{k−1}‖ = 5·2^(s−k) exactly; tolerance equal to step j's length fires at j + 1 ("<", not "≤").
    for (const [s, j] of [
      [0, 3],
      [2, 6],
      [-1, 1],
    ]) {
      const scale = 2 ** s;
      expectStops(
        { description: HALVING, f: halfSquaredNorm, grad: identity, x0: vector([3 * scale, 4 * scale]), lr: 0.5, criteria: { maxIterations: 100, tolerance: 5 * 2 ** (s - j) } },
        { reason: 'tolerance', iterations: j + 1 },
      );
    }
    checkProperty(
      fc.record({ x0: startingPoint, lr: fc.double({ min: 0.3, max: 0.9, noNaN: true }), fraction: fc.double({ min: 1e-3, max: 0.9, noNaN: true }) }),
      ({ x0, lr, fraction }) => {
        const norm = Math.hypot(...x0);
        const tolerance = fraction * lr * norm;
        expectStops({ description: '½‖x‖², ∇ = x', f: halfSquaredNorm, grad: identity, x0: vector(x0), lr, criteria: { maxIterations: 100, tolerance } });
      },
      { numRuns: 25 },
    );
  });

  graded(items.stopTargetLoss, () => {
    // f(x_k) = f(x_0)·4^(−k) exactly; targetLoss equal to f(x_j) fires at j + 1 ("<", not "≤").
    const x0 = vector([3, 4]);
    const f = (k: number) => 12.5 * 4 ** -k;
    expectStops({ description: HALVING, f: halfSquaredNorm, grad: identity, x0, lr: 0.5, criteria: { maxIterations: 100, targetLoss: f(4) } }, { reason: 'targetLoss', iterations: 5 });
    // Checked after the step, before maxIterations is looked at again: at k = maxIterations it wins.
    expectStops({ description: HALVING, f: halfSquaredNorm, grad: identity, x0, lr: 0.5, criteria: { maxIterations: 3, targetLoss: f(2.5) } }, { reason: 'targetLoss', iterations: 3 });
    // Checked before tolerance: both fire at step 2, the reason is targetLoss.
    expectStops({ description: HALVING, f: halfSquaredNorm, grad: identity, x0, lr: 0.5, criteria: { maxIterations: 100, targetLoss: f(1.5), tolerance: 2 } }, { reason: 'targetLoss', iterations: 2 });
    checkProperty(
      fc.record({ x0: startingPoint, lr: fc.double({ min: 0.2, max: 0.9, noNaN: true }), fraction: fc.double({ min: 1e-4, max: 0.99, noNaN: true }) }),
      ({ x0, lr, fraction }) => {
        const start = halfSquaredNorm(vector(x0));
        expectStops({ description: '½‖x‖², ∇ = x', f: halfSquaredNorm, grad: identity, x0: vector(x0), lr, criteria: { maxIterations: 100, targetLoss: fraction * start } });
      },
      { numRuns: 25 },
    );
  });

  graded(items.stopDivergence, () => {
    // lr = 3 on ½‖x‖²: x_k = (−2)^k·x_0, f(x_k) = 4^k·f(x_0) exactly; a factor of 4^j fires at j + 1 (">", not "≥").
    const GROWING = '½‖x‖², ∇ = x (each step with lr = 3 multiplies x by −2, f by 4)';
    const x0 = vector([1, -0.5]);
    for (const j of [1, 3, 5]) {
      expectStops({ description: GROWING, f: halfSquaredNorm, grad: identity, x0, lr: 3, criteria: { maxIterations: 50, divergenceFactor: 4 ** j } }, { reason: 'divergence', iterations: j + 1 });
    }
    // A loss that stops being finite fires at once, whatever the factor.
    for (const bad of [NaN, Infinity]) {
      const f = (x: Tensor) => (Math.max(...x.toArray().map(Math.abs)) > 50 ? bad : halfSquaredNorm(x));
      expectStops(
        { description: `½‖x‖² while every |x_i| ≤ 50, ${bad} after; ∇ = x; lr = 3 multiplies x by −2`, f, grad: identity, x0, lr: 3, criteria: { maxIterations: 50, divergenceFactor: 1e300 } },
        { reason: 'divergence', iterations: 6 },
      );
    }
    checkProperty(
      fc.record({ x0: startingPoint, lr: fc.double({ min: 2.2, max: 4, noNaN: true }), factor: fc.double({ min: 1.5, max: 1e5, noNaN: true }) }),
      ({ x0, lr, factor }) => {
        expectStops({ description: '½‖x‖², ∇ = x, a step too large to converge', f: halfSquaredNorm, grad: identity, x0: vector(x0), lr, criteria: { maxIterations: 100, divergenceFactor: factor, targetLoss: 1e-9 } });
      },
      { numRuns: 25 },
    );
  });
});
