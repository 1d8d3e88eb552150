import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KernelIsolation {
  /** Prepended to the grade-one command line ([] when only the in-worker layers apply). */
  prefix: string[];
  /** Whether files under the grading folder cannot be mapped executable (so no addon a submission wrote can load). */
  noexec: boolean;
  /** One line for the run's log. */
  description: string;
}

/**
 * `sh -c` script run inside the new namespaces: binds the grading folder ($1) onto itself without
 * exec rights, then becomes the command. Folders the parent makes there later show through.
 */
const NOEXEC_SCRIPT = 'mount --bind "$1" "$1" && mount -o remount,bind,noexec,nosuid,nodev "$1" "$1" && shift && exec "$@"';

type Capability = 'namespaces+noexec' | 'network' | { none: string };
let probed: Capability | undefined;

/** What this machine permits (root, or user namespaces enabled), probed once. */
function capability(): Capability {
  if (probed) return probed;
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-probe-'));
  try {
    const full = spawnSync('unshare', ['-n', '-m', 'sh', '-c', NOEXEC_SCRIPT, 'sh', dir, 'true'], { stdio: 'ignore' });
    if (full.status === 0) return (probed = 'namespaces+noexec');
    const net = spawnSync('unshare', ['-n', 'true'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (net.status === 0) return (probed = 'network');
    return (probed = { none: (net.error?.message ?? net.stderr ?? '').trim() || `exit ${net.status}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The kernel's layers around a sandbox, where this machine permits them: a fresh network
 * namespace (`unshare -n`, no interface but a down loopback), and a mount namespace in which the
 * grading folder `noexecDir` (every submission's copy and temp folder) is mounted `noexec`.
 * Exercise 5's worker may load native addons (sharp), and Node's permission model grants that all
 * or nothing: without `noexec`, a submission could write a shared library into its temp folder
 * and load it, outside the permission model. Where namespaces are not permitted, the in-worker
 * layers (worker-setup/block-network.ts, the permission model) are the only ones, and the log says so.
 */
export function kernelIsolation(noexecDir: string): KernelIsolation {
  const can = capability();
  if (can === 'namespaces+noexec') {
    return {
      prefix: ['unshare', '-n', '-m', 'sh', '-c', NOEXEC_SCRIPT, 'sh', noexecDir],
      noexec: true,
      description: "network: blocked in the worker and by a private network namespace (unshare -n); submissions' folders mounted noexec (no addon a submission writes can load)",
    };
  }
  if (can === 'network') {
    return {
      prefix: ['unshare', '-n'],
      noexec: false,
      description: 'network: blocked in the worker and by a private network namespace (unshare -n); no mount namespace here, so an addon a submission writes could load where addons are allowed (exercise 5)',
    };
  }
  return {
    prefix: [],
    noexec: false,
    description: `network: blocked in the worker only (unshare -n is not permitted here: ${can.none}); an addon a submission writes could load where addons are allowed (exercise 5)`,
  };
}
