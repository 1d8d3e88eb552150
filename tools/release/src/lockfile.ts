import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from './child-env.js';

/**
 * Prunes the copied package-lock.json to the student workspaces: npm rewrites the lock from the
 * new package.json without installing anything (`--package-lock-only`). Offline first (the
 * dependencies only shrink, so npm needs nothing new); with the registry as a fallback.
 * Afterwards the lock must name no solution or instructor tool, or the release fails.
 */
export function pruneLockfile(outDir: string, log: (line: string) => void = () => {}): void {
  const base = ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'];
  const attempts = [[...base, '--offline'], [...base, '--prefer-offline']];
  let lastError = '';
  for (const args of attempts) {
    const npm = spawnSync('npm', args, { cwd: outDir, encoding: 'utf8', env: childEnv() });
    if (npm.status === 0) {
      log(`package-lock.json pruned with 'npm ${args.join(' ')}'`);
      checkLockfile(outDir);
      return;
    }
    lastError = `${npm.stdout ?? ''}${npm.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  }
  throw new Error(`release: could not rewrite package-lock.json for the student workspaces:\n${lastError}`);
}

const NEVER_IN_LOCK = /^(solutions\/|tools\/(release|scoreboard|golden|grade)(\/|$)|node_modules\/(solution-\d|@dlcourse\/(release|scoreboard|grade))$)/;

export function checkLockfile(outDir: string): void {
  const path = join(outDir, 'package-lock.json');
  if (!existsSync(path)) throw new Error('release: package-lock.json was not written.');
  const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages?: Record<string, unknown> };
  const leaked = Object.keys(lock.packages ?? {}).filter((key) => NEVER_IN_LOCK.test(key));
  if (leaked.length > 0) throw new Error(`release: package-lock.json still names what does not ship: ${leaked.join(', ')}`);
}
