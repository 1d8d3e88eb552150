import { spawnSync } from 'node:child_process';

/**
 * glibc's malloc backing its memory with transparent huge pages (2 MiB instead of 4 KiB), for
 * every framework of a bench run. A fresh 4 KiB page costs ~13 µs to fault in on the course's
 * virtual machine: a 1024² float32 result is 1,024 faults (13 ms beside a 28 ms product), and
 * Node frees dead arrays only at a garbage collection, so its outputs land on fresh pages far
 * more often than PyTorch's, which it frees at once and reuses. glibc reads the setting only
 * when a process starts, hence the rerun.
 */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/** The flag that keeps glibc's default (4 KiB pages), to measure without. */
export const NO_HUGE_PAGES_FLAG = '--no-huge-pages';

export function hugePagesOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.GLIBC_TUNABLES ?? '').split(':').includes(HUGE_PAGES_TUNABLE);
}

/** GLIBC_TUNABLES with the huge-pages setting added to whatever it already holds. */
export function withHugePages(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GLIBC_TUNABLES: [env.GLIBC_TUNABLES, HUGE_PAGES_TUNABLE].filter(Boolean).join(':') };
}

/**
 * Runs this command again, the same way (Node's own flags, e.g. tsx's loader, included), with
 * huge pages on, and returns its exit status; null where no rerun is wanted: not Linux (no glibc),
 * already on, or `--no-huge-pages` given.
 */
export function rerunWithHugePages(argv: readonly string[]): number | null {
  if (process.platform !== 'linux' || hugePagesOn() || argv.includes(NO_HUGE_PAGES_FLAG)) return null;
  const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...argv], { stdio: 'inherit', env: withHugePages(process.env) });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
