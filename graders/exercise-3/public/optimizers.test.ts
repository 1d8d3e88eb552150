import fc from 'fast-check';
import { describe } from 'vitest';
import { Tensor, tensor } from '@dlcourse/engine';
import { arb, checkProperty, expectClose, graded, GradingFailure, formatNumber, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-3';
import { rubric } from '../rubric.js';
import {
  gradientSequence,
  refAdaGrad,
  refAdam,
  refMomentum,
  refRMSProp,
  refSGD,
  seededRandom,
  type RefOptimizer,
  type Vec,
} from './reference.js';
import { quadratic, rosenbrock, type Problem } from './problems.js';

const { items } = rubric;
const tolerance = TOLERANCES.trajectory;
const STEPS = 50;
/** Property runs of the 50-step trajectories (each run is 50 steps; 12 runs find every known mistake). */
const TRAJECTORY_RUNS = 12;

/** What the suites need of a submitted optimizer. */
interface StepOptimizer {
  step(params: Tensor, grad: Tensor): Tensor;
}

/** One optimizer as the suites see it: how to make it, its reference, its hyper-parameters. */
interface Spec<O> {
  name: string;
  make: (options: O) => StepOptimizer;
  reference: (options: O) => RefOptimizer;
  /** Hyper-parameters drawn at random (README §3.9 says why ε is tiny). */
  options: fc.Arbitrary<O>;
}

const lr = fc.double({ min: 1e-3, max: 0.5, noNaN: true });
/** ε so small that inside or outside the root changes nothing within the tolerance (README §3.9). */
const tinyEps = fc.double({ min: 1e-14, max: 1e-12, noNaN: true });

const specs = {
  SGD: { name: 'SGD', make: (o) => new student.SGD(o), reference: refSGD, options: fc.record({ lr }) } satisfies Spec<{ lr: number }>,
  Momentum: {
    name: 'Momentum',
    make: (o) => new student.Momentum(o),
    reference: refMomentum,
    options: fc.record({ lr, momentum: fc.double({ min: 0.5, max: 0.99, noNaN: true }) }),
  } satisfies Spec<{ lr: number; momentum: number }>,
  AdaGrad: {
    name: 'AdaGrad',
    make: (o) => new student.AdaGrad(o),
    reference: refAdaGrad,
    options: fc.record({ lr, eps: tinyEps }),
  } satisfies Spec<{ lr: number; eps: number }>,
  RMSProp: {
    name: 'RMSProp',
    make: (o) => new student.RMSProp(o),
    reference: refRMSProp,
    options: fc.record({ lr, beta: fc.double({ min: 0.8, max: 0.99, noNaN: true }), eps: tinyEps }),
  } satisfies Spec<{ lr: number; beta: number; eps: number }>,
  Adam: {
    name: 'Adam',
    make: (o) => new student.Adam(o),
    reference: refAdam,
    options: fc.record({
      lr,
      beta1: fc.double({ min: 0.8, max: 0.95, noNaN: true }),
      beta2: fc.double({ min: 0.9, max: 0.999, noNaN: true }),
      eps: tinyEps,
    }),
  } satisfies Spec<{ lr: number; beta1: number; beta2: number; eps: number }>,
};

/** A float64 tensor of the given shape that prints its values in a counterexample. */
function asTensor(values: Vec, shape: readonly number[]): Tensor {
  // From a Float64Array: tensor() of a plain array walks it as nested data, ~20× slower.
  return arb.printable(tensor(Float64Array.from(values), { shape }));
}

/** Parameters w and a gradient g of one random shape; |g| ≥ 0.5 keeps G, E, v away from ε. */
const stepCase = arb
  .shape({ maxDims: 3, maxSize: 4 })
  .chain((s) => fc.record({ w: arb.tensorOf(s, { min: -3, max: 3 }), g: arb.tensorOf(s, { min: -3, max: 3, awayFromZero: 0.5 }) }));

/** A small shape and a seed from which w₀ and 50 gradients are drawn. */
const trajectoryCase = fc.record({ shape: arb.shape({ maxDims: 2, maxSize: 3 }), seed: fc.nat() });

function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The values of a returned tensor, or a failure that says what came back instead. */
function valuesOf(got: unknown, fn: string, shape: readonly number[]): number[] {
  if (!(got instanceof Tensor)) {
    throw new GradingFailure({ fn, problem: `step should return a Tensor, but it returned ${got === null ? 'null' : typeof got}.`, got });
  }
  if (got.numel() !== numel(shape)) {
    throw new GradingFailure({ fn, problem: `step returned shape [${got.shape.join(', ')}] but the parameters have shape [${shape.join(', ')}].` });
  }
  return got.toArray();
}

function startingPoint(seed: number, n: number): Vec {
  const random = seededRandom(seed ^ 0x5bd1e995);
  return Array.from({ length: n }, () => -3 + 6 * random());
}

/** The first step from a fresh optimizer, against the formula, on random shapes and values. */
function checkFirstStep<O>(spec: Spec<O>): void {
  checkProperty(fc.record({ options: spec.options, c: stepCase }), ({ options, c: { w, g } }) => {
    // The expected value first, from the inputs as they are before the call.
    const expected = asTensor(spec.reference(options).step(w.toArray(), g.toArray()), w.shape);
    const got = spec.make(options).step(w, g);
    expectClose(got, expected, { fn: `${spec.name}.step`, what: 'w after the first step', inputs: { options, w, g }, tolerance });
  });
}

/**
 * 50 steps with a sequence of random gradients, each step compared with the reference; the
 * submission's own result is fed back as the next parameters. Stops at the first wrong step.
 */
function checkTrajectory<O>(spec: Spec<O>): void {
  checkProperty(
    fc.record({ options: spec.options, c: trajectoryCase }),
    ({ options, c: { shape, seed } }) => {
      const n = numel(shape);
      const grads = gradientSequence(seed, n, STEPS);
      const optimizer = spec.make(options);
      const reference = spec.reference(options);
      let w = asTensor(startingPoint(seed, n), shape);
      let expected = w.toArray();
      for (let k = 0; k < STEPS; k++) {
        const g = asTensor(grads[k], shape);
        const before = asTensor(w.toArray(), shape); // a copy, as it was before the call, for the message
        w = optimizer.step(w, g);
        expected = reference.step(expected, grads[k]);
        expectClose(w, asTensor(expected, shape), {
          fn: `${spec.name}.step`,
          what: k === 0 ? 'w after step 1 of 50' : `w after step ${k + 1} of 50 (${k === 1 ? 'step 1 was' : `steps 1–${k} were`} right, so look at the state kept between calls)`,
          inputs: { options, 'w before': before, g },
          tolerance,
        });
      }
    },
    { numRuns: TRAJECTORY_RUNS },
  );
}

/** A first step whose gradient is 0 in some places: ε must keep 0/√(0 + ε) = 0, not 0/0 = NaN. */
function checkZeroGradient<O>(spec: Spec<O>, options: O): void {
  const shape = [2, 2];
  const w = asTensor([1, -2, 0.5, 3], shape);
  const g = asTensor([0, 1.5, 0, -0.75], shape);
  const expected = asTensor(spec.reference(options).step(w.toArray(), g.toArray()), shape);
  const got = spec.make(options).step(w, g);
  expectClose(got, expected, {
    fn: `${spec.name}.step`,
    what: 'w after a first step whose gradient has zeros (where g = 0, w must not move; 0/0 = NaN means ε is missing)',
    inputs: { options, w, g },
    tolerance,
  });
}

describe('optimizers: one step and 50 steps against the formulas', () => {
  graded(items.sgd, () => {
    checkFirstStep(specs.SGD);
    checkTrajectory(specs.SGD);
  });

  graded(items.momentum, () => {
    checkFirstStep(specs.Momentum);
    checkTrajectory(specs.Momentum);
  });

  graded(items.adagrad, () => {
    checkFirstStep(specs.AdaGrad);
    checkZeroGradient(specs.AdaGrad, { lr: 0.1, eps: 1e-10 });
    checkTrajectory(specs.AdaGrad);
  });

  graded(items.adagradShrinks, () => {
    const T = 30;
    checkProperty(
      fc.record({
        options: specs.AdaGrad.options,
        g: arb.shape({ maxDims: 2, maxSize: 3 }).chain((s) => arb.tensorOf(s, { min: -3, max: 3, awayFromZero: 0.5 })),
      }),
      ({ options, g }) => {
        const optimizer = new student.AdaGrad(options);
        const signs = g.toArray().map(Math.sign);
        let w = asTensor(g.toArray().map(() => 0), g.shape);
        for (let t = 1; t <= T; t++) {
          const next = optimizer.step(w, g);
          const before = w.toArray();
          const stepTaken = valuesOf(next, 'AdaGrad.step', g.shape).map((v, i) => v - before[i]);
          expectClose(stepTaken, signs.map((sg) => (-options.lr * sg) / Math.sqrt(t)), {
            fn: 'AdaGrad.step',
            what: `the step w_t − w_(t−1) at t = ${t} under the constant gradient g (should be −η·sign(g)/√t = ${formatNumber(-options.lr / Math.sqrt(t))}·sign(g))`,
            inputs: { options, g },
            tolerance,
          });
          w = next;
        }
      },
      { numRuns: 10 },
    );
  });

  graded(items.rmsprop, () => {
    checkFirstStep(specs.RMSProp);
    checkZeroGradient(specs.RMSProp, { lr: 0.01, beta: 0.9, eps: 1e-8 });
    checkTrajectory(specs.RMSProp);
  });

  graded(items.rmspropForgets, () => {
    const LOUD = 20;
    const QUIET = 150;
    checkProperty(
      fc.record({
        options: fc.record({ lr: fc.double({ min: 1e-3, max: 0.1, noNaN: true }), beta: fc.double({ min: 0.8, max: 0.9, noNaN: true }), eps: tinyEps }),
        signs: fc.array(fc.constantFrom(-1, 1), { minLength: 1, maxLength: 4 }),
      }),
      ({ options, signs }) => {
        const optimizer = new student.RMSProp(options);
        const shape = [signs.length];
        const loud = asTensor(signs.map((s) => 100 * s), shape);
        const quiet = asTensor(signs, shape);
        let w = asTensor(signs.map(() => 0), shape);
        let loudStep = 0;
        let quietStep = 0;
        for (let k = 1; k <= LOUD + QUIET; k++) {
          const before = w.toArray();
          w = optimizer.step(w, k <= LOUD ? loud : quiet);
          const size = Math.min(...valuesOf(w, 'RMSProp.step', shape).map((v, i) => Math.abs(v - before[i])));
          if (k === LOUD) loudStep = size;
          quietStep = size;
        }
        if (!(quietStep >= 0.5 * options.lr)) {
          throw new GradingFailure({
            fn: 'RMSProp.step',
            problem: `it does not forget: after ${LOUD} steps with |g| = 100 and then ${QUIET} steps with |g| = 1, the step is only ${formatNumber(quietStep / options.lr)}·η, not back near η.`,
            inputs: { options },
            detail: [
              `a moving average forgets: β^${QUIET} = ${formatNumber(options.beta ** QUIET)}, so E ≈ 1 and the step should be ≈ η = ${formatNumber(options.lr)} (at least 0.5·η);`,
              `  got ${formatNumber(quietStep)} (right after the large gradients it was ${formatNumber(loudStep)}); AdaGrad, whose sum never forgets, would be at ≈ ${formatNumber(options.lr / Math.sqrt(LOUD * 1e4 + QUIET))}.`,
            ].join('\n'),
          });
        }
      },
      { numRuns: 4 },
    );
  });

  graded(items.adam, () => {
    checkFirstStep(specs.Adam);
    checkZeroGradient(specs.Adam, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    checkTrajectory(specs.Adam);
  });
});

describe('optimizers keep their own state and leave their inputs alone', () => {
  /*
   * Judged against the submission itself, not the formulas (the other items do that): two
   * objects used in turns must each give what the same object gives when used alone, and no
   * call may change its arguments.
   */
  graded(items.independentState, () => {
    const STATE_STEPS = 6;
    const unchanged = { relative: 0, absolute: 0 };
    const same = { relative: 1e-12, absolute: 0 };
    for (const spec of Object.values(specs) as Spec<unknown>[]) {
      const fn = `${spec.name}.step`;
      checkProperty(
        fc.record({ options: spec.options, shape: arb.shape({ maxDims: 2, maxSize: 3 }), seed: fc.nat() }),
        ({ options, shape, seed }) => {
          const n = numel(shape);
          const sequences = [0, 1].map((i) => ({ w0: startingPoint(seed + i, n), grads: gradientSequence(seed + i, n, STATE_STEPS) }));
          // Each sequence alone, on a fresh object.
          const alone = sequences.map(({ w0, grads }) => {
            const optimizer = spec.make(options);
            let w = asTensor(w0, shape);
            return grads.map((g) => (w = optimizer.step(w, asTensor(g, shape))).toArray());
          });
          // The same two sequences on two fresh objects used in turns.
          const objects = sequences.map(({ w0 }) => ({ optimizer: spec.make(options), w: asTensor(w0, shape) }));
          for (let k = 0; k < STATE_STEPS; k++) {
            objects.forEach((object, i) => {
              const g = asTensor(sequences[i].grads[k], shape);
              const wBefore = object.w.toArray();
              const gBefore = g.toArray();
              const next = object.optimizer.step(object.w, g);
              expectClose(object.w, wBefore, {
                fn,
                what: 'its argument params after the call (step must return a new tensor and leave params as it was: use sub, not sub_)',
                inputs: { options, g },
                tolerance: unchanged,
              });
              expectClose(g, gBefore, { fn, what: 'its argument grad after the call (step must not change grad)', inputs: { options }, tolerance: unchanged });
              expectClose(next, alone[i][k], {
                fn,
                what:
                  `w of the ${i === 0 ? 'first' : 'second'} of two ${spec.name} objects used in turns, after its step ${k + 1}, ` +
                  `compared with the same steps on one object alone (they must agree: the objects share state — a variable outside the class, or a static field?)`,
                inputs: { options, 'w before': asTensor(wBefore, shape), g },
                tolerance: same,
              });
              object.w = next;
            });
          }
        },
        { numRuns: 5 },
      );
    }
  });
});

interface ConvergenceCase {
  name: string;
  make: () => StepOptimizer;
  /** Steps the reference solution needs (measured), and the budget: twice that. */
  measured: number;
  budget: number;
}

/**
 * Runs the optimizer on the problem until f < target; fails if the budget runs out or the loss
 * blows up (not finite or 10⁶ × the start), with the losses seen along the way.
 */
function expectConvergence(problem: Problem, c: ConvergenceCase): void {
  const fn = `${c.name.split(' ')[0]}.step`;
  const optimizer = c.make();
  const f0 = problem.f(problem.x0);
  const seen: string[] = [];
  const fail = (what: string, loss: number): never => {
    throw new GradingFailure({
      fn,
      problem: what,
      inputs: { problem: problem.name.en, optimizer: c.name, x0: problem.x0 },
      detail: [
        `expected f < ${formatNumber(problem.target)} within ${c.budget} steps (the reference solution needs ${c.measured}); got f = ${formatNumber(loss)}`,
        `  f along the way: ${seen.join(', ')}`,
      ].join('\n'),
    });
  };
  let x = asTensor(problem.x0, [problem.x0.length]);
  for (let k = 0; ; k++) {
    const values = valuesOf(x, fn, [problem.x0.length]);
    const loss = problem.f(values);
    if (k <= 1 || k === 10 || k % 100 === 0) seen.push(`step ${k}: ${formatNumber(loss)}`);
    if (loss < problem.target) return;
    if (!Number.isFinite(loss) || loss > 1e6 * f0) {
      seen.push(`step ${k}: ${formatNumber(loss)}`);
      fail(`the loss blew up to ${formatNumber(loss)} after ${k} steps (is a sign wrong, w + … instead of w − …?).`, loss);
    }
    if (k === c.budget) fail(`f(x) = ${formatNumber(loss)} after ${c.budget} steps, still not below ${formatNumber(problem.target)}.`, loss);
    x = optimizer.step(x, asTensor(problem.grad(values), [values.length]));
  }
}

describe('convergence within a step budget', () => {
  graded(items.quadratic, () => {
    // measured: the steps the reference solution needs; budget: twice that (README §3.7).
    const cases: ConvergenceCase[] = [
      { name: 'SGD lr=0.01', make: () => new student.SGD({ lr: 0.01 }), measured: 913, budget: 1826 },
      { name: 'Momentum lr=0.01 momentum=0.9', make: () => new student.Momentum({ lr: 0.01, momentum: 0.9 }), measured: 173, budget: 346 },
      { name: 'AdaGrad lr=0.5 eps=1e-10', make: () => new student.AdaGrad({ lr: 0.5, eps: 1e-10 }), measured: 558, budget: 1116 },
      { name: 'RMSProp lr=0.01 beta=0.99 eps=1e-8', make: () => new student.RMSProp({ lr: 0.01, beta: 0.99, eps: 1e-8 }), measured: 586, budget: 1172 },
      { name: 'Adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8', make: () => new student.Adam({ lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }), measured: 188, budget: 376 },
    ];
    for (const c of cases) expectConvergence(quadratic, c);
  });

  graded(items.rosenbrock, () => {
    const cases: ConvergenceCase[] = [
      { name: 'Adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8', make: () => new student.Adam({ lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }), measured: 1139, budget: 2278 },
      { name: 'Momentum lr=0.001 momentum=0.9', make: () => new student.Momentum({ lr: 1e-3, momentum: 0.9 }), measured: 1386, budget: 2772 },
    ];
    for (const c of cases) expectConvergence(rosenbrock, c);
  });
});
