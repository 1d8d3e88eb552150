import { Tensor, tensor } from '@dlcourse/engine';
import { formatIndex } from '../compare/format-value.js';
import { messages } from '../messages.js';
import { TOLERANCES } from '../tolerances.js';
import { GradingFailure } from '../compare/grading-failure.js';
import { formatNumber } from '../compare/format-value.js';
import { relativeError } from './relative-error.js';

export interface GradientCheckOptions {
  fn: string;
  /** e.g. "dX". */
  what: string;
  inputs?: Record<string, unknown>;
  /** Relative error above which the gradient is wrong (default TOLERANCES.gradcheck.relative). */
  threshold?: number;
  /** An element passes if |analytic − numeric| is at most this (default TOLERANCES.gradcheck.absolute). */
  absolute?: number;
}

/** Asserts an analytic gradient (the student's) matches a numeric one element by element. */
export function expectGradient(analytic: unknown, numeric: ArrayLike<number>, shape: readonly number[], options: GradientCheckOptions): void {
  const threshold = options.threshold ?? TOLERANCES.gradcheck.relative;
  const absolute = options.absolute ?? TOLERANCES.gradcheck.absolute;
  const m = messages();
  const fail = (problem: string, detail?: string) => {
    const expected = tensor(Float64Array.from(numeric), { shape });
    throw new GradingFailure({ fn: options.fn, problem, inputs: options.inputs, expected, got: analytic, detail });
  };
  if (!(analytic instanceof Tensor)) fail(m.shouldBeTensor(options.what, m.kind(analytic)));
  const a = analytic as Tensor;
  if (a.shape.length !== shape.length || a.shape.some((d, i) => d !== shape[i])) {
    fail(m.wrongGradientShape(options.what, `[${a.shape.join(', ')}]`, `[${shape.join(', ')}]`));
  }
  const values = a.toArray();
  let worst = -1;
  let worstError = 0;
  for (let i = 0; i < values.length; i++) {
    if (Math.abs(values[i] - numeric[i]) <= absolute) continue;
    const err = Number.isFinite(values[i]) ? relativeError(values[i], numeric[i]) : Infinity;
    if (err > worstError) {
      worstError = err;
      worst = i;
    }
  }
  if (worst >= 0 && worstError > threshold) {
    fail(
      m.notNumerical(options.what),
      m.worstGradient(formatIndex(worst, shape), formatNumber(values[worst]), formatNumber(numeric[worst]), formatNumber(worstError), formatNumber(threshold)),
    );
  }
}
