import fc from 'fast-check';
import { GradingFailure } from './compare/grading-failure.js';
import { messages } from './messages.js';

export interface PropertyOptions {
  /** Generated cases (default 30: enough to find wrong formulas, fast enough for a 3 s run). */
  numRuns?: number;
}

/**
 * Runs a property over generated inputs and, on failure, rethrows the check's own error (a
 * GradingFailure with function, shrunk input, expected vs got), adding where fast-check found
 * it so the case replays. A stub's NotImplementedError passes through untouched.
 */
export function checkProperty<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, options: PropertyOptions = {}): void {
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      check(value);
    }),
    { numRuns: options.numRuns ?? 30 },
  );
  if (!details.failed) return;
  const origin = messages().foundBy(details.seed, details.counterexamplePath ?? '', details.numShrinks);
  const error = details.errorInstance;
  if (error instanceof GradingFailure) {
    throw new GradingFailure({ ...error.details, detail: [error.details.detail, origin].filter(Boolean).join('\n  ') });
  }
  if (error instanceof Error) {
    if (error.name !== 'NotImplementedError') error.message = `${error.message}\n  (${origin}; input ${fc.stringify(details.counterexample)})`;
    throw error;
  }
  throw error;
}
