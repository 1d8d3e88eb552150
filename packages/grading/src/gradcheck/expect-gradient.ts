import { Tensor, tensor } from '@dlcourse/engine';
import { formatIndex } from '../compare/format-value.js';
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
  const fail = (problem: string, detail?: string) => {
    const expected = tensor(Float64Array.from(numeric), { shape });
    throw new GradingFailure({ fn: options.fn, problem, inputs: options.inputs, expected, got: analytic, detail });
  };
  if (!(analytic instanceof Tensor)) fail(`${options.what} should be a Tensor, but it is ${analytic === null ? 'null' : typeof analytic}.`);
  const a = analytic as Tensor;
  if (a.shape.length !== shape.length || a.shape.some((d, i) => d !== shape[i])) {
    fail(`${options.what} has shape [${a.shape.join(', ')}] but must have the shape of its variable, [${shape.join(', ')}].`);
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
      `${options.what} does not match the numerical gradient (central differences).`,
      `worst element at index ${formatIndex(worst, shape)}: analytic ${formatNumber(values[worst])}, numerical ${formatNumber(numeric[worst])}, ` +
        `relative error ${formatNumber(worstError)} > ${formatNumber(threshold)}`,
    );
  }
}
