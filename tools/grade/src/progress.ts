import cliProgress from 'cli-progress';

export interface Progress {
  tick(id: string, note: string): void;
  stop(): void;
}

/** A bar on a terminal; on CI or in a pipe, one line per submission instead. */
export function createProgress(total: number, quiet: boolean): Progress {
  if (quiet) return { tick() {}, stop() {} };
  if (!process.stderr.isTTY || process.env.CI) {
    let done = 0;
    return {
      tick(id, note) {
        done += 1;
        process.stderr.write(`[${done}/${total}] ${id}: ${note}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar({ format: 'grading {bar} {value}/{total} | {eta_formatted} left | {last}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { last: '' });
  return {
    tick(id, note) {
      bar.increment(1, { last: `${id}: ${note}` });
    },
    stop() {
      bar.stop();
    },
  };
}
