import { describe } from 'vitest';
import { Generator, Linear, Module, noGrad, ReLU, Tensor, tensor } from '@dlcourse/engine';
import { arb, expectClose, expectShape, graded, GradingFailure, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-6';
import { rubric } from '../rubric.js';
import { graderModel, parameterValues } from './helpers.js';

const { items } = rubric;

/** "Linear(10 → 16)", "ReLU", … for a message. */
function describeLayer(m: Module): string {
  return m instanceof Linear ? `Linear(${m.inFeatures} → ${m.outFeatures})` : m.constructor.name;
}

/** The layers that compute: modules without children, in the order they were assigned. */
function layers(model: Module): Module[] {
  return model.modules().filter((m) => m.children().length === 0);
}

function checkStructure(inFeatures: number, hidden: number): Module {
  const inputs = { inFeatures, hidden, generator: 'new Generator(7)' };
  const model = student.buildModel(inFeatures, hidden, new Generator(7)) as unknown;
  if (!(model instanceof Module)) {
    throw new GradingFailure({ fn: 'buildModel', problem: `it should return a Module (e.g. a Sequential), but it returned ${model === null ? 'null' : typeof model}.`, inputs });
  }
  const found = layers(model);
  const expected = `Linear(${inFeatures} → ${hidden}) → ReLU → Linear(${hidden} → 1)`;
  const ok =
    found.length === 3 &&
    found[0] instanceof Linear &&
    found[0].inFeatures === inFeatures &&
    found[0].outFeatures === hidden &&
    found[1] instanceof ReLU &&
    found[2] instanceof Linear &&
    found[2].inFeatures === hidden &&
    found[2].outFeatures === 1;
  if (!ok) {
    throw new GradingFailure({
      fn: 'buildModel',
      problem: `the model's layers should be ${expected}, but they are ${found.map(describeLayer).join(' → ') || 'none'}.`,
      inputs,
    });
  }
  if ((found[0] as Linear).bias === null || (found[2] as Linear).bias === null) {
    throw new GradingFailure({ fn: 'buildModel', problem: 'both Linear layers need a bias (the default; do not pass { bias: false }).', inputs });
  }
  const x = arb.printable(tensor(Float32Array.from({ length: 4 * inFeatures }, (_, i) => Math.sin(i + 1)), { shape: [4, inFeatures] }));
  expectShape(noGrad(() => model.forward(x)), [4, 1], { fn: 'buildModel', what: 'model.forward(x) for x of shape [4, inFeatures]', inputs });
  return model;
}

describe('buildModel and predict', () => {
  graded(items.buildModel, () => {
    for (const [inFeatures, hidden] of [
      [10, 16],
      [3, 5],
      [1, 1],
    ]) {
      checkStructure(inFeatures, hidden);
    }
    // The generator decides the initial weights: the same seed gives the same model, another seed another.
    const a = parameterValues(student.buildModel(10, 8, new Generator(3)));
    const b = parameterValues(student.buildModel(10, 8, new Generator(3)));
    const c = parameterValues(student.buildModel(10, 8, new Generator(4)));
    const inputs = { inFeatures: 10, hidden: 8 };
    if (a.some((v, i) => v !== b[i])) {
      throw new GradingFailure({
        fn: 'buildModel',
        problem: 'two models built with new Generator(3) have different weights: pass { generator } to every Linear (without it they draw from the global generator).',
        inputs,
      });
    }
    if (a.every((v, i) => v === c[i])) {
      throw new GradingFailure({ fn: 'buildModel', problem: 'models built with new Generator(3) and new Generator(4) have the same weights: the generator is not used.', inputs });
    }
  });

  graded(items.predictShape, () => {
    const model = graderModel(3, 4, 11);
    for (const n of [5, 2, 1]) {
      const x = arb.printable(tensor(Float32Array.from({ length: n * 3 }, (_, i) => Math.cos(i * 0.7) * 2), { shape: [n, 3] }));
      const expected = noGrad(() => model.forward(x)).toArray();
      const got = student.predict(model, x) as unknown;
      const inputs = { model: 'Linear(3 → 4) → ReLU → Linear(4 → 1)', x };
      if (got instanceof Tensor && got.ndim === 2 && got.shape[1] === 1) {
        throw new GradingFailure({
          fn: 'predict',
          problem: `it returned the model's output as it is, shape [${got.shape.join(', ')}]; squeeze it to [${n}]: .squeeze(1).`,
          inputs,
        });
      }
      expectClose(got, tensor(Float32Array.from(expected)), { fn: 'predict', what: `the predictions for ${n} row${n === 1 ? '' : 's'}`, inputs, tolerance: TOLERANCES.float32 });
    }
  });
});
