import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

/** Values shown after the bar: numbers are printed with 4 decimals (a loss), strings as they are. */
export type ProgressPayload = Record<string, number | string>;

export interface ProgressBarOptions {
  /** The value that means done (> 0). */
  total: number;
  /** Printed before the bar, e.g. 'epoch 3/10' or 'download'. */
  label?: string;
  /** Where to write (default process.stdout). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /**
   * Force the quiet mode (true) or the live bar (false). Default: live bar only when `stream` is a
   * TTY and $CI is unset (or 'false' / '0').
   */
  quiet?: boolean;
  /**
   * In quiet mode, how many lines at most: one each time another 1/quietSteps of the total is
   * done (default 10: a line every 10%). 0: silent, except one line at stop() when `quietSummary`.
   */
  quietSteps?: number;
  /** In quiet mode, print one line at stop() if the last line did not already say 100% (default true). */
  quietSummary?: boolean;
  /** How to print a value and the total (default: the integer), e.g. bytes as MB. */
  formatValue?: (value: number) => string;
  /** Environment used for the CI check (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface ProgressBar {
  /** Sets the current value (clamped to [0, total]) and, optionally, the values shown after it. */
  update(value: number, payload?: ProgressPayload): void;
  /** Adds `delta` to the current value. */
  increment(delta?: number, payload?: ProgressPayload): void;
  /** Ends the bar (the last state stays on screen); idempotent. */
  stop(): void;
  /** True when this bar draws live (TTY, not CI); false when it prints plain lines or nothing. */
  readonly live: boolean;
}

/** True when $CI says we run in continuous integration ('true', '1', any value but '', 'false', '0'). */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

let cliProgress: typeof CliProgress | null = null;
/** cli-progress, loaded on the first live bar only: most users of the engine never draw one. */
function loadCliProgress(): typeof CliProgress {
  cliProgress ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  return cliProgress;
}

/**
 * A progress bar (cli-progress) on a terminal; plain lines (or nothing) elsewhere, so logs of CI
 * runs and redirected output stay readable:
 *
 *   const bar = progressBar({ total: batches, label: 'epoch 1/10' });
 *   for (…) bar.update(i + 1, { loss });
 *   bar.stop();
 *
 * renders `epoch 1/10 [=========---------] 45% | 42/94 | loss 0.4123` on a TTY; in quiet mode,
 * `epoch 1/10: 50% (47/94) loss 0.4123` every 10% (see `quietSteps`).
 */
export function progressBar(options: ProgressBarOptions): ProgressBar {
  const { total } = options;
  if (!Number.isFinite(total) || total <= 0) {
    throw new RangeError(`progressBar: total must be a positive finite number, got ${total}.`);
  }
  const stream = options.stream ?? process.stdout;
  const label = options.label ?? 'progress';
  const format = options.formatValue ?? ((v: number) => String(Math.round(v)));
  const quiet = options.quiet ?? !(stream.isTTY === true && !isCI(options.env));
  return quiet ? quietBar(stream, label, total, format, options) : liveBar(stream, label, total, format);
}

function describePayload(payload: ProgressPayload | undefined): string {
  if (payload === undefined) return '';
  return Object.entries(payload)
    .map(([key, value]) => ` ${key} ${typeof value === 'number' ? value.toFixed(4) : value}`)
    .join('');
}

function liveBar(stream: NodeJS.WritableStream, label: string, total: number, format: (v: number) => string): ProgressBar {
  const { SingleBar } = loadCliProgress();
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {amount}{extra}`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    fps: 10,
  });
  const fields = (value: number, payload?: ProgressPayload) => ({
    amount: `${format(value)}/${format(total)}`,
    extra: payload === undefined ? '' : ` |${describePayload(payload)}`,
  });
  let value = 0;
  let lastPayload: ProgressPayload | undefined;
  let stopped = false;
  bar.start(total, 0, fields(0));
  const update = (next: number, payload?: ProgressPayload) => {
    if (stopped) return;
    value = Math.min(total, Math.max(0, next));
    if (payload !== undefined) lastPayload = payload;
    bar.update(value, fields(value, lastPayload));
  };
  return {
    live: true,
    update,
    increment: (delta = 1, payload) => update(value + delta, payload),
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

function quietBar(
  stream: NodeJS.WritableStream,
  label: string,
  total: number,
  format: (v: number) => string,
  options: ProgressBarOptions,
): ProgressBar {
  const steps = options.quietSteps ?? 10;
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`progressBar: quietSteps must be an integer ≥ 0, got ${steps}.`);
  const summary = options.quietSummary ?? true;
  let value = 0;
  let lastPayload: ProgressPayload | undefined;
  let printedStep = 0;
  let printedDone = false;
  let stopped = false;
  const line = () => {
    const percent = Math.floor((100 * value) / total);
    stream.write(`${label}: ${percent}% (${format(value)}/${format(total)})${describePayload(lastPayload)}\n`);
    if (value >= total) printedDone = true;
  };
  const update = (next: number, payload?: ProgressPayload) => {
    if (stopped) return;
    value = Math.min(total, Math.max(0, next));
    if (payload !== undefined) lastPayload = payload;
    if (steps === 0) return;
    const step = Math.floor((steps * value) / total);
    if (step > printedStep) {
      printedStep = step;
      line();
    }
  };
  return {
    live: false,
    update,
    increment: (delta = 1, payload) => update(value + delta, payload),
    stop() {
      if (stopped) return;
      stopped = true;
      if (summary && !printedDone) line();
    },
  };
}
