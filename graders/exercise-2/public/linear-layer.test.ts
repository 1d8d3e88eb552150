import fc from 'fast-check';
import { describe } from 'vitest';
import { mseLoss as engineMseLoss, noGrad, tensor, Tensor } from '@dlcourse/engine';
import {
  arb,
  checkProperty,
  expectClose,
  expectGradient,
  graded,
  GradingFailure,
  numericGradient,
  numericVjp,
  referenceValue,
  referenceVjp,
  TOLERANCES,
} from '@dlcourse/grading';
import * as student from '@submission/exercise-2';
import { rubric } from '../rubric.js';

const { items } = rubric;
const exact = TOLERANCES.float64;

/*
 * Inputs lie on a grid: eighths in [−2, 2], and sixteenths in [−1, 1] for the two-layer net. A
 * wrong formula is then off by far more than any tolerance on every case it fails, so fast-check
 * shrinks a failure to a small readable one (values like 0.125 or −1) rather than to values
 * near 0 where the error sinks below the tolerances. Sums of products of such values are exact
 * in float64, and the functions whose gradients are checked stay below ~10³, so central
 * differences carry an absolute noise far below TOLERANCES.gradcheck.absolute.
 * (arb.value draws doubles uniformly over their bit patterns: most of its values are below
 * 1e-100 in magnitude, and a failure shrinks towards 0.)
 */
const MAX = 2;
const STEPS = 16;
const SIZE = 5;
const size = (min = 1) => fc.integer({ min, max: SIZE });
const RUNS = { numRuns: 20 };
const SQUARE_RUNS = { numRuns: 8 };

/** A float64 tensor of the given shape with values (i/steps)·max for integers i in [−steps, steps]. */
function tensorIn(shape: readonly number[], max = MAX, steps = STEPS): fc.Arbitrary<Tensor> {
  const n = shape.reduce((a, b) => a * b, 1);
  const value = fc.noBias(fc.integer({ min: -steps, max: steps })).map((i) => (i * max) / steps);
  return fc.array(value, { minLength: n, maxLength: n }).map((values) => arb.printable(tensor(values, { shape, dtype: 'float64' })));
}

/** A layer case of the given sizes: X [N, D], W [D, M], b [M], dY [N, M]. */
const layerOfSizes = ({ n, d, m }: { n: number; d: number; m: number }): fc.Arbitrary<arb.LayerCase> =>
  fc.record({ x: tensorIn([n, d]), w: tensorIn([d, m]), b: tensorIn([m]), dY: tensorIn([n, m]) });

/** D = M ≥ 2: a transposed dW (or dX = dY·W) has the right shape here, so only its values can be wrong. */
const squareLayer = fc.record({ n: size(), d: size(2) }).chain(({ n, d }) => layerOfSizes({ n, d, m: d }));

/** Any N, D, M (some equal, some not). */
const anyLayer = fc.record({ n: size(), d: size(), m: size() }).chain(layerOfSizes);

/** N, D, M pairwise different, so that every wrong transpose or a missing sum changes a shape. */
const rectangularLayer = fc
  .uniqueArray(size(), { minLength: 3, maxLength: 3 })
  .chain(([n, d, m]) => layerOfSizes({ n, d, m }));

function expectShape(got: unknown, shape: readonly number[], options: { fn: string; what: string; inputs: Record<string, unknown> }): void {
  const fail = (problem: string) => {
    throw new GradingFailure({ fn: options.fn, problem, inputs: options.inputs, got });
  };
  if (!(got instanceof Tensor)) fail(`${options.what} should be a Tensor, but it is ${got === null ? 'null' : typeof got}.`);
  const s = (got as Tensor).shape;
  if (s.length !== shape.length || s.some((d, i) => d !== shape[i])) fail(`${options.what} has shape [${s.join(', ')}] but should have shape [${shape.join(', ')}].`);
}

/** A field of whatever the student returned, without crashing on undefined. */
function field(result: unknown, name: string): unknown {
  return result !== null && typeof result === 'object' ? (result as Record<string, unknown>)[name] : undefined;
}

describe('linear layer', () => {
  graded(items.linearForward, () => {
    checkProperty(
      anyLayer,
      ({ x, w, b }) => {
        expectClose(student.linearForward(x, w, b), referenceValue((t) => t.matmul(w).add(b), x), { fn: 'linearForward', inputs: { x, w, b }, tolerance: exact });
      },
      RUNS,
    );
    const x32 = tensor([[0.5, -1.25, 2], [1.5, 0.3, -0.7]], { dtype: 'float32' });
    const w32 = tensor([[0.1, -0.4], [0.9, 0.25], [-1.1, 0.6]], { dtype: 'float32' });
    const b32 = tensor([0.05, -0.3], { dtype: 'float32' });
    expectClose(student.linearForward(x32, w32, b32), referenceValue((t) => t.matmul(w32.double()).add(b32.double()), x32), {
      fn: 'linearForward',
      what: 'Y for float32 inputs',
      inputs: { x: x32, w: w32, b: b32 },
      tolerance: TOLERANCES.float32,
    });
  });

  /**
   * One gradient of linearBackward against central differences of the engine's X·W + b and
   * against the engine's autograd, square cases first (there a transposed answer fits the shape,
   * so the student is told its values are wrong), then any sizes.
   */
  function checkLinearGradient(which: 'dX' | 'dW' | 'db'): void {
    for (const [cases, runs] of [
      [squareLayer, SQUARE_RUNS],
      [anyLayer, RUNS],
    ] as const) {
      checkProperty(
        cases,
        ({ x, w, b, dY }) => {
          const got = field(student.linearBackward(x, w, dY), which);
          const [variable, forward] =
            which === 'dX'
              ? [x, (v: Tensor) => v.matmul(w).add(b)]
              : which === 'dW'
                ? [w, (v: Tensor) => x.matmul(v).add(b)]
                : [b, (v: Tensor) => x.matmul(w).add(v)];
          const inputs = { x, w, dY };
          expectGradient(got, numericVjp(forward, variable, dY), variable.shape, { fn: 'linearBackward', what: which, inputs });
          expectClose(got, referenceVjp(forward, variable, dY), { fn: 'linearBackward', what: `${which} (compared with the engine's autograd)`, inputs, tolerance: exact });
        },
        runs,
      );
    }
  }

  graded(items.linearBackwardDX, () => checkLinearGradient('dX'));

  graded(items.linearBackwardDW, () => {
    checkLinearGradient('dW');
    const x = tensor([[0.5, -1.25, 2], [1.5, 0.3, -0.7]], { dtype: 'float32' });
    const w = tensor([[0.1, -0.4], [0.9, 0.25], [-1.1, 0.6]], { dtype: 'float32' });
    const dY = tensor([[0.2, -1.7], [0.45, 1.1]], { dtype: 'float32' });
    expectClose(field(student.linearBackward(x, w, dY), 'dW'), referenceVjp((v) => x.double().matmul(v), w, dY), {
      fn: 'linearBackward',
      what: 'dW for float32 inputs',
      inputs: { x, w, dY },
      tolerance: TOLERANCES.float32,
    });
  });

  graded(items.linearBackwardDb, () => checkLinearGradient('db'));

  graded(items.linearBackwardShapes, () => {
    checkProperty(
      rectangularLayer,
      ({ x, w, b, dY }) => {
        const grads = student.linearBackward(x, w, dY);
        const inputs = { x, w, dY };
        expectShape(field(grads, 'dX'), x.shape, { fn: 'linearBackward', what: 'dX (the shape of X)', inputs });
        expectShape(field(grads, 'dW'), w.shape, { fn: 'linearBackward', what: 'dW (the shape of W)', inputs });
        expectShape(field(grads, 'db'), b.shape, { fn: 'linearBackward', what: 'db (the shape of b)', inputs });
      },
      RUNS,
    );
  });
});

/** pred and target of one random shape (1–3 dims). */
const predAndTarget = arb.shape({ maxDims: 3, maxSize: 4 }).chain((s) => fc.record({ pred: tensorIn(s), target: tensorIn(s) }));

describe('mean squared error', () => {
  graded(items.mseLoss, () => {
    checkProperty(
      predAndTarget,
      ({ pred, target }) => {
        const expected = referenceValue((p) => engineMseLoss(p, target), pred).item();
        expectClose(student.mseLoss(pred, target), expected, { fn: 'mseLoss', what: 'the loss', inputs: { pred, target }, tolerance: exact });
      },
      RUNS,
    );
  });

  graded(items.mseBackward, () => {
    checkProperty(
      predAndTarget,
      ({ pred, target }) => {
        const got = student.mseBackward(pred, target);
        const inputs = { pred, target };
        const loss = (p: Tensor) => engineMseLoss(p, target);
        expectGradient(got, numericGradient((p) => loss(p).item(), pred), pred.shape, { fn: 'mseBackward', what: 'dL/dpred', inputs });
        expectClose(got, referenceVjp(loss, pred, tensor(1, { dtype: 'float64' })), { fn: 'mseBackward', what: "dL/dpred (compared with the engine's autograd)", inputs, tolerance: exact });
      },
      RUNS,
    );
  });
});

interface TwoLayerCase {
  x: Tensor;
  w1: Tensor;
  w2: Tensor;
  y: Tensor;
}

const KINK = 1e-3;

/**
 * X [N, D], W1 [D, K], W2 [K, M], Y [N, M], kept where no entry of T = X·W1 lies within 1e-3 of
 * the ReLU's kink at 0: there the derivative is not defined and central differences straddle it.
 */
const twoLayerCase: fc.Arbitrary<TwoLayerCase> = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 1, max: 5 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, d, k, m }) =>
    fc.record({ x: tensorIn([n, d], 1), w1: tensorIn([d, k], 1), w2: tensorIn([k, m], 1), y: tensorIn([n, m], 1) }),
  )
  .filter(({ x, w1 }) => noGrad(() => x.matmul(w1)).toArray().every((v) => Math.abs(v) >= KINK));

/** The lecture's net by the engine: L = MSE(ReLU(X·W1)·W2, Y). */
const netLoss = (x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): Tensor => engineMseLoss(x.matmul(w1).relu().matmul(w2), y);

/** dL/dW1 and dL/dW2 by the engine's autograd, in float64. */
function autogradTwoLayer({ x, w1, w2, y }: TwoLayerCase): { dW1: Tensor; dW2: Tensor } {
  const a = noGrad(() => w1.detach().double()).requiresGrad_(true);
  const b = noGrad(() => w2.detach().double()).requiresGrad_(true);
  netLoss(x, a, b, y).backward();
  return { dW1: a.grad!, dW2: b.grad! };
}

describe('two-layer network', () => {
  graded(items.twoLayerForward, () => {
    checkProperty(
      twoLayerCase,
      ({ x, w1, w2, y }) => {
        const out = student.twoLayerForward(x, w1, w2, y);
        const inputs = { x, w1, w2, y };
        const t = referenceValue((v) => v.matmul(w1), x);
        const h = t.relu();
        const yPred = h.matmul(w2);
        expectClose(field(out, 't'), t, { fn: 'twoLayerForward', what: 't = X·W1', inputs, tolerance: exact });
        expectClose(field(out, 'h'), h, { fn: 'twoLayerForward', what: 'h = ReLU(T)', inputs, tolerance: exact });
        expectClose(field(out, 'yPred'), yPred, { fn: 'twoLayerForward', what: 'yPred = H·W2', inputs, tolerance: exact });
        expectClose(field(out, 'loss'), noGrad(() => engineMseLoss(yPred, y).item()), { fn: 'twoLayerForward', what: 'loss = MSE(Ŷ, Y)', inputs, tolerance: exact });
      },
      RUNS,
    );
  });

  function checkTwoLayerGradient(which: 'dW1' | 'dW2'): void {
    checkProperty(
      twoLayerCase,
      (c) => {
        const { x, w1, w2, y } = c;
        const got = field(student.twoLayerBackward(x, w1, w2, y), which);
        const inputs = { x, w1, w2, y };
        const numeric = which === 'dW1' ? numericGradient((v) => netLoss(x, v, w2, y).item(), w1) : numericGradient((v) => netLoss(x, w1, v, y).item(), w2);
        expectGradient(got, numeric, (which === 'dW1' ? w1 : w2).shape, { fn: 'twoLayerBackward', what: which, inputs });
        expectClose(got, autogradTwoLayer(c)[which], { fn: 'twoLayerBackward', what: `${which} (compared with the engine's autograd)`, inputs, tolerance: exact });
      },
      RUNS,
    );
  }

  graded(items.twoLayerBackwardDW2, () => checkTwoLayerGradient('dW2'));

  graded(items.twoLayerBackwardDW1, () => checkTwoLayerGradient('dW1'));
});

/** W1 [D, K], b1 [K], W2 [K, M], b2 [M] and a batch X [N, D] to apply them to. */
const twoLinearOfSizes = ({ n, d, k, m }: { n: number; d: number; k: number; m: number }) =>
  fc.record({ w1: tensorIn([d, k]), b1: tensorIn([k]), w2: tensorIn([k, m]), b2: tensorIn([m]), x: tensorIn([n, d]) });

/** D = K = M ≥ 2: W2·W1 and b1 + b2 fit the shapes here, so only their values can be wrong. */
const squareTwoLinear = fc.record({ n: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 2, max: 4 }) }).chain(({ n, d }) => twoLinearOfSizes({ n, d, k: d, m: d }));

const anyTwoLinear = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 5 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(twoLinearOfSizes);

describe('collapsing two linear layers', () => {
  graded(items.collapseLinear, () => {
    for (const [cases, runs] of [
      [squareTwoLinear, SQUARE_RUNS],
      [anyTwoLinear, RUNS],
    ] as const) {
      checkProperty(
        cases,
        ({ w1, b1, w2, b2, x }) => {
          const collapsed = student.collapseLinear(w1, b1, w2, b2);
          const w = field(collapsed, 'w');
          const b = field(collapsed, 'b');
          const inputs = { w1, b1, w2, b2 };
          expectShape(w, [w1.shape[0], w2.shape[1]], { fn: 'collapseLinear', what: 'w', inputs });
          expectShape(b, [w2.shape[1]], { fn: 'collapseLinear', what: 'b', inputs });
          const twoLayers = referenceValue((v) => v.matmul(w1).add(b1).matmul(w2).add(b2), x);
          const oneLayer = referenceValue((v) => v.matmul((w as Tensor).double()).add((b as Tensor).double()), x);
          expectClose(oneLayer, twoLayers, {
            fn: 'collapseLinear',
            what: 'X·w + b (your collapsed layer on a random X, against the two layers (X·W1 + b1)·W2 + b2)',
            inputs: { ...inputs, x },
            tolerance: exact,
          });
        },
        runs,
      );
    }
  });
});
