import { formatInputs, formatValue } from './format-value.js';
import { messages } from '../messages.js';

export interface FailureDetails {
  /** The student's function that gave the wrong result. */
  fn: string;
  /** What went wrong, in one line. */
  problem: string;
  /** The call's inputs by name (a fast-check counterexample, already shrunk). */
  inputs?: Record<string, unknown>;
  expected?: unknown;
  got?: unknown;
  /** Extra lines, e.g. the worst element. */
  detail?: string;
}

/**
 * A test failure a student can act on: which function, which input, expected vs got. The
 * graded-test wrapper adds the rubric's hint.
 */
export class GradingFailure extends Error {
  override name = 'GradingFailure';
  constructor(readonly details: FailureDetails) {
    super(renderFailure(details));
  }
}

export function renderFailure(d: FailureDetails): string {
  const m = messages();
  const width = Math.max(m.input.length, m.expected.length, m.got.length) + 1;
  const lines = [`${d.fn}: ${d.problem}`];
  if (d.inputs && Object.keys(d.inputs).length) lines.push(`  ${m.input.padEnd(width)}${formatInputs(d.inputs, width + 2)}`);
  if ('expected' in d) lines.push(`  ${m.expected.padEnd(width)}${formatValue(d.expected)}`);
  if ('got' in d) lines.push(`  ${m.got.padEnd(width)}${formatValue(d.got)}`);
  if (d.detail) lines.push(`  ${d.detail}`);
  return lines.join('\n');
}
