import { Tensor } from '@dlcourse/engine';
import type { Tolerance } from '../tolerances.js';
import { GradingFailure } from './grading-failure.js';
import { formatIndex, formatNumber } from './format-value.js';
import { messages } from '../messages.js';

export interface CloseOptions {
  fn: string;
  inputs?: Record<string, unknown>;
  tolerance: Tolerance;
  /** What the value is, e.g. "the gradient dX" (default "the result"). */
  what?: string;
}

type Numeric = Tensor | number | ArrayLike<number>;

function shapeOf(v: Numeric): number[] | null {
  if (v instanceof Tensor) return [...v.shape];
  if (typeof v === 'number') return [];
  return null;
}

function valuesOf(v: Numeric): number[] {
  if (v instanceof Tensor) return v.toArray();
  if (typeof v === 'number') return [v];
  return Array.from(v);
}

/**
 * Asserts got ≈ expected elementwise: |g − e| ≤ absolute + relative·|e|. Checks the kind of
 * value and the shape first, so a student who returns the wrong shape is told that, not
 * shown a numeric diff.
 */
export function expectClose(got: unknown, expected: Numeric, options: CloseOptions): void {
  const { fn, inputs, tolerance } = options;
  const m = messages();
  const what = options.what ?? m.result;
  const fail = (problem: string, detail?: string) => {
    throw new GradingFailure({ fn, problem, inputs, expected, got, detail });
  };
  if (expected instanceof Tensor && !(got instanceof Tensor)) {
    fail(m.shouldBeTensor(what, m.kind(got)));
  }
  if (typeof expected === 'number' && typeof got !== 'number') {
    fail(m.shouldBeNumber(what, got instanceof Tensor, m.kind(got)));
  }
  const g = got as Numeric;
  const expectedShape = shapeOf(expected);
  const gotShape = shapeOf(g);
  if (expectedShape && gotShape && (expectedShape.length !== gotShape.length || expectedShape.some((d, i) => d !== gotShape[i]))) {
    fail(m.wrongShape(what, `[${gotShape.join(', ')}]`, `[${expectedShape.join(', ')}]`));
  }
  const e = valuesOf(expected);
  const v = valuesOf(g);
  if (e.length !== v.length) fail(m.wrongCount(what, v.length, e.length));
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < e.length; i++) {
    const diff = Math.abs(v[i] - e[i]);
    const allowed = tolerance.absolute + tolerance.relative * Math.abs(e[i]);
    const bad = Number.isNaN(v[i]) !== Number.isNaN(e[i]) || (!Number.isNaN(e[i]) && !(diff <= allowed) && v[i] !== e[i]);
    const excess = Number.isFinite(diff) ? diff / allowed : Infinity;
    if (bad && (worst < 0 || excess > worstExcess)) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    const index = formatIndex(worst, expectedShape ?? []);
    const diff = Math.abs(v[worst] - e[worst]);
    const allowed = tolerance.absolute + tolerance.relative * Math.abs(e[worst]);
    fail(m.wrongValue(what), m.worstElement(index, formatNumber(e[worst]), formatNumber(v[worst]), formatNumber(diff), formatNumber(allowed)));
  }
}

/** Asserts a value is a Tensor of the given shape (a wrong transpose shows up here first). */
export function expectShape(got: unknown, shape: readonly number[], options: { fn: string; what?: string; inputs?: Record<string, unknown> }): void {
  const m = messages();
  const what = options.what ?? m.result;
  if (!(got instanceof Tensor)) {
    throw new GradingFailure({ fn: options.fn, problem: m.shouldBeTensor(what, m.kind(got)), inputs: options.inputs });
  }
  if (got.shape.length !== shape.length || got.shape.some((d, i) => d !== shape[i])) {
    throw new GradingFailure({ fn: options.fn, problem: m.wrongShape(what, `[${got.shape.join(', ')}]`, `[${shape.join(', ')}]`), inputs: options.inputs });
  }
}
