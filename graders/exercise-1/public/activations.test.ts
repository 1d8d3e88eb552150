import fc from 'fast-check';
import { describe } from 'vitest';
import { tensor, type Tensor } from '@dlcourse/engine';
import { arb, checkProperty, expectClose, expectGradient, graded, numericVjp, referenceValue, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-1';
import { rubric } from '../rubric.js';

const { items } = rubric;
const exact = TOLERANCES.float64;

/** x of a random shape (1–3 dims) with values in [min, max], and an upstream gradient of its shape. */
const inputAndUpstream = (values: arb.ValueOptions) =>
  arb.shape({ maxDims: 3, maxSize: 5 }).chain((s) => fc.record({ x: arb.tensorOf(s, values), dY: arb.tensorOf(s, { min: -2, max: 2 }) }));

/** Rows of class scores [N, C] (softmax works on the last dim). */
const scoreRows = (values: arb.ValueOptions) =>
  fc
    .record({ n: fc.integer({ min: 1, max: 5 }), c: fc.integer({ min: 2, max: 6 }) })
    .chain(({ n, c }) => fc.record({ x: arb.tensorOf([n, c], values), dY: arb.tensorOf([n, c], { min: -2, max: 2 }) }));

function checkBackward(fn: string, forward: (x: Tensor) => Tensor, backward: (x: Tensor, dY: Tensor) => Tensor, cases: fc.Arbitrary<{ x: Tensor; dY: Tensor }>) {
  checkProperty(cases, ({ x, dY }) => {
    const dX = backward(x, dY);
    expectGradient(dX, numericVjp(forward, x, dY), x.shape, { fn, what: 'dL/dX', inputs: { x, dY } });
  });
}

describe('sigmoid', () => {
  graded(items.sigmoidForward, () => {
    checkProperty(inputAndUpstream({ min: -10, max: 10 }), ({ x }) => {
      expectClose(student.sigmoid(x), referenceValue((t) => t.sigmoid(), x), { fn: 'sigmoid', inputs: { x }, tolerance: exact });
    });
    const x32 = tensor([[-3, -0.5, 0, 0.5, 3]], { dtype: 'float32' });
    expectClose(student.sigmoid(x32), referenceValue((t) => t.sigmoid(), x32), { fn: 'sigmoid', inputs: { x: x32 }, tolerance: TOLERANCES.float32 });
  });

  graded(items.sigmoidProperties, () => {
    checkProperty(arb.anyTensor(arb.shape(), { min: -30, max: 30 }), (x) => {
      const s = student.sigmoid(x);
      const values = s.toArray();
      const outside = values.findIndex((v) => !(v > 0 && v < 1));
      if (outside >= 0) expectClose(values[outside], 0.5, { fn: 'sigmoid', inputs: { x }, what: `σ(x) at index ${outside} (must lie strictly between 0 and 1)`, tolerance: { relative: 1, absolute: 0.5 } });
      expectClose(student.sigmoid(x.neg()), s.neg().add(1), { fn: 'sigmoid', inputs: { x }, what: 'σ(−x), which must equal 1 − σ(x)', tolerance: { relative: 0, absolute: 1e-12 } });
    });
    const extreme = tensor([-1000, -100, 100, 1000], { dtype: 'float64' });
    expectClose(student.sigmoid(extreme), tensor([0, 3.720075976020836e-44, 1, 1], { dtype: 'float64' }), { fn: 'sigmoid', inputs: { x: extreme }, tolerance: exact });
  });

  graded(items.sigmoidBackward, () => {
    checkBackward('sigmoidBackward', (t) => t.sigmoid(), student.sigmoidBackward, inputAndUpstream({ min: -6, max: 6 }));
  });
});

describe('tanh', () => {
  graded(items.tanhForward, () => {
    checkProperty(inputAndUpstream({ min: -5, max: 5 }), ({ x }) => {
      expectClose(student.tanh(x), referenceValue((t) => t.tanh(), x), { fn: 'tanh', inputs: { x }, tolerance: exact });
    });
  });

  graded(items.tanhProperties, () => {
    checkProperty(arb.anyTensor(arb.shape(), { min: -10, max: 10 }), (x) => {
      const t = student.tanh(x);
      expectClose(student.tanh(x.neg()), t.neg(), { fn: 'tanh', inputs: { x }, what: 'tanh(−x), which must equal −tanh(x)', tolerance: { relative: 0, absolute: 1e-12 } });
      const values = t.toArray();
      const outside = values.findIndex((v) => !(v > -1 && v < 1));
      if (outside >= 0) expectClose(values[outside], 0, { fn: 'tanh', inputs: { x }, what: `tanh(x) at index ${outside} (must lie strictly between −1 and 1)`, tolerance: { relative: 0, absolute: 1 } });
    });
    const extreme = tensor([-1000, -30, 30, 1000], { dtype: 'float64' });
    expectClose(student.tanh(extreme), tensor([-1, -1, 1, 1], { dtype: 'float64' }), { fn: 'tanh', inputs: { x: extreme }, tolerance: exact });
  });

  graded(items.tanhBackward, () => {
    checkBackward('tanhBackward', (t) => t.tanh(), student.tanhBackward, inputAndUpstream({ min: -4, max: 4 }));
  });
});

describe('relu', () => {
  graded(items.reluForward, () => {
    checkProperty(inputAndUpstream({ min: -5, max: 5 }), ({ x }) => {
      expectClose(student.relu(x), referenceValue((t) => t.relu(), x), { fn: 'relu', inputs: { x }, tolerance: { relative: 0, absolute: 0 } });
    });
  });

  graded(items.reluBackward, () => {
    // |x| ≥ 1e-3 keeps every input off the kink at 0, where the derivative is not defined.
    checkProperty(inputAndUpstream({ min: -5, max: 5, awayFromZero: 1e-3 }), ({ x, dY }) => {
      expectClose(student.reluBackward(x, dY), dY.mul(x.gt(0)), { fn: 'reluBackward', what: 'dL/dX', inputs: { x, dY }, tolerance: { relative: 0, absolute: 0 } });
    });
  });
});

describe('softmax', () => {
  graded(items.softmaxForward, () => {
    checkProperty(scoreRows({ min: -5, max: 5 }), ({ x }) => {
      const s = student.softmax(x);
      expectClose(s, referenceValue((t) => t.softmax(-1), x), { fn: 'softmax', inputs: { x }, tolerance: exact });
    });
    const vector = tensor([1, 2, 3], { dtype: 'float64' });
    expectClose(student.softmax(vector), referenceValue((t) => t.softmax(-1), vector), { fn: 'softmax', inputs: { x: vector }, what: 'softmax of a 1-D tensor', tolerance: exact });
  });

  graded(items.softmaxStability, () => {
    checkProperty(
      scoreRows({ min: -1000, max: 1000 }).chain(({ x }) => fc.record({ x: fc.constant(x), shift: arb.tensorOf([x.shape[0], 1], { min: -100, max: 100 }) })),
      ({ x, shift }) => {
        const s = student.softmax(x);
        expectClose(s, referenceValue((t) => t.softmax(-1), x), { fn: 'softmax', inputs: { x }, what: 'softmax of large scores', tolerance: exact });
        expectClose(student.softmax(x.add(shift)), s, { fn: 'softmax', inputs: { x, shift }, what: 'softmax(x + c) (must equal softmax(x) for a constant c per row)', tolerance: { relative: 1e-9, absolute: 1e-12 } });
      },
    );
  });

  graded(items.softmaxBackward, () => {
    checkBackward('softmaxBackward', (t) => t.softmax(-1), student.softmaxBackward, scoreRows({ min: -4, max: 4 }));
  });
});
