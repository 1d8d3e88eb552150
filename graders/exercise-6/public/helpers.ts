import { Adam, Generator, Linear, mseLoss, noGrad, ReLU, Sequential, tensor, type Module, type Tensor } from '@dlcourse/engine';
import { arb, GradingFailure } from '@dlcourse/grading';

/*
 * The grader's own pieces, so that each item depends only on the function it tests: a model
 * built with the engine's layers, the reference training loop of README §6.5, and a small
 * synthetic regression problem.
 */

/** Linear(inFeatures, hidden) → ReLU → Linear(hidden, 1) from a seeded generator. */
export function graderModel(inFeatures: number, hidden: number, seed: number): Module {
  const generator = new Generator(seed);
  return new Sequential(new Linear(inFeatures, hidden, { generator }), new ReLU(), new Linear(hidden, 1, { generator }));
}

/** The loop of README §6.5, line by line: the grader's reference. */
export function referenceTrain(model: Module, x: Tensor, y: Tensor, lr: number, epochs: number): number[] {
  const optimizer = new Adam(model.parameters(), { lr });
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.zeroGrad();
    const loss = mseLoss(model.forward(x).squeeze(1), y);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return losses;
}

/** The MSE of the model on (x, y) as it is now, outside any graph. */
export function currentLoss(model: Module, x: Tensor, y: Tensor): number {
  return noGrad(() => mseLoss(model.forward(x).squeeze(1), y).item());
}

/** Every parameter's values, in order, as one list. */
export function parameterValues(model: Module): number[] {
  return model.parameters().flatMap((p) => p.toArray());
}

export interface Problem {
  x: Tensor;
  y: Tensor;
  description: string;
}

/**
 * y = x·w + 0.5 + noise for n rows of `features` standard-normal features (float32), drawn from
 * a seeded generator: a problem that Linear → ReLU → Linear fits quickly.
 */
export function syntheticProblem(n: number, features: number, seed: number): Problem {
  const gen = new Generator(seed);
  const w = Array.from({ length: features }, () => gen.normal());
  const xs = new Float32Array(n * features);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0.5 + 0.1 * gen.normal();
    for (let j = 0; j < features; j++) {
      const v = gen.normal();
      xs[i * features + j] = v;
      s += v * w[j];
    }
    ys[i] = s;
  }
  return {
    x: arb.printable(tensor(xs, { shape: [n, features] })),
    y: arb.printable(tensor(ys)),
    description: `${n} rows of y = x·w + 0.5 + noise, x ~ N(0, 1)^${features} (generator seed ${seed})`,
  };
}

/** The losses a submission returned, or a failure that says what came back instead. */
export function lossList(got: unknown, fn: string, inputs: Record<string, unknown>): number[] {
  if (!Array.isArray(got)) {
    throw new GradingFailure({ fn, problem: `it should return an array of numbers (the loss of every epoch), but it returned ${got instanceof Object ? got.constructor.name : typeof got}.`, inputs, got });
  }
  const bad = got.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) {
    throw new GradingFailure({
      fn,
      problem: `losses[${bad}] is ${typeof got[bad] === 'number' ? got[bad] : `a ${typeof got[bad]} (${got[bad] instanceof Object ? got[bad].constructor.name : ''})`}, not a finite number: push loss.item(), not the loss tensor.`,
      inputs,
    });
  }
  return got as number[];
}
