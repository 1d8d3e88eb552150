import vm from 'node:vm';
import { test } from 'vitest';
import { DEFAULT_TEST_TIMEOUT_MS, TEST_TIMEOUT_CAP_ENV, type RubricItem } from './rubric.js';
import { say } from './i18n.js';
import { NotImplementedError } from './not-implemented.js';
import { GradingFailure } from './compare/grading-failure.js';
import { formatValue } from './compare/format-value.js';
import { messages } from './messages.js';
import { SEAL_KEY_ENV, SEAL_META, sealOf } from './seal.js';

/** What a graded test carries to the reporters. */
export interface GradingMeta {
  key: string;
  points: number;
  fn: string;
  file: string;
  hidden: boolean;
}

declare module '@vitest/runner' {
  interface TaskMeta {
    grading?: GradingMeta;
    /** The grader's seal on a pass (seal.ts), for batch grading's trusted process. */
    [SEAL_META]?: string;
  }
}

/** The key of this worker's seals (seal.ts): module-private, so no other code can seal. */
let sealKey: string | undefined;
/** How many tests declared each rubric item ("exercise/key") in this worker (more than one spoils its seals). */
const declarations = new Map<string, number>();

/**
 * Takes the seal key out of the environment (the sandbox's first setup file calls it, before
 * the student's code loads); the first call that finds one keeps it.
 */
export function takeSealKey(): void {
  const value = process.env[SEAL_KEY_ENV];
  delete process.env[SEAL_KEY_ENV];
  if (sealKey === undefined && value) sealKey = value;
}

/**
 * Declares the test for one rubric item. The body runs under a hard time limit: synchronous
 * student code stuck in a loop is stopped (V8 terminates it) and costs only this test.
 */
export function graded(item: RubricItem & { key: string; exercise?: string }, body: () => void | Promise<void>): void {
  const timeout = Math.min(item.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, Number(process.env[TEST_TIMEOUT_CAP_ENV]) || Infinity);
  const meta: GradingMeta = { key: item.key, points: item.points, fn: item.fn, file: item.file, hidden: item.hidden ?? false };
  const declared = `${item.exercise ?? ''}/${item.key}`;
  declarations.set(declared, (declarations.get(declared) ?? 0) + 1);
  test(say(item.title), { meta: { grading: meta }, timeout: timeout + 1000 }, async ({ task }) => {
    try {
      const result = runWithTimeLimit(body, timeout);
      if (result && typeof (result as Promise<void>).then === 'function') await result;
    } catch (error) {
      throw explainFailure(error, item, timeout);
    }
    if (sealKey !== undefined) task.meta[SEAL_META] = sealOf(sealKey, item.exercise ?? '', item.key, declarations.get(declared)!);
  });
}

function runWithTimeLimit(body: () => unknown, timeout: number): unknown {
  return vm.runInNewContext('body()', { body }, { timeout });
}

/** Turns whatever was thrown into an Error a student can act on, with the rubric's hint. */
export function explainFailure(error: unknown, item: RubricItem, timeout: number): Error {
  if (isErrorLike(error) && error.name === 'NotImplementedError') {
    // The stub that threw may be another function than the item's own (an item can test several).
    const fn = (error as Partial<NotImplementedError>).fn ?? item.fn;
    const e = Object.assign(new Error(messages().notImplemented(fn, item.file)), { stub: fn });
    e.name = 'NotImplemented';
    return withoutFrames(e);
  }
  // Errors can come from another realm (vm contexts), so they are recognised by shape, not instanceof.
  if (isErrorLike(error) && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
    const e = new Error(`${messages().timeout(item.fn, timeout / 1000)}\n  ${messages().hint} ${say(item.hint)}`);
    e.name = 'Timeout';
    return withoutFrames(e);
  }
  const base =
    isErrorLike(error)
      ? error
      : new Error(messages().threwNonError(item.fn, formatValue(error)));
  const hinted = new Error(`${base instanceof GradingFailure ? base.message : messages().failed(item.fn, base.message)}\n  ${messages().hint} ${say(item.hint)}`);
  hinted.name = base.name;
  hinted.stack = base instanceof GradingFailure ? hinted.message : base.stack;
  return hinted;
}

/**
 * The message is the whole story of a stub or a timeout (the frames would point into the kit),
 * and vitest's main process maps every frame of every failed test through source maps: a stub
 * submission fails ~150 items at once.
 */
function withoutFrames(error: Error): Error {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string';
}
