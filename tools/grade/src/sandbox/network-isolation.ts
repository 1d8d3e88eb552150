import { spawnSync } from 'node:child_process';

export interface NetworkIsolation {
  /** Prepended to the grade-one command line ([] when only the in-worker block applies). */
  prefix: string[];
  /** One line for the run's log. */
  description: string;
}

let probed: NetworkIsolation | undefined;

/**
 * The kernel layer of the network block: a fresh network namespace (`unshare -n`, no interface
 * but a down loopback) when this machine permits it (root, or user namespaces enabled). Where it
 * does not, the in-worker block (worker-setup/block-network.ts) is the only layer, and the log
 * says so.
 */
export function networkIsolation(): NetworkIsolation {
  if (probed) return probed;
  const probe = spawnSync('unshare', ['-n', 'true'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  probed =
    probe.status === 0
      ? { prefix: ['unshare', '-n'], description: 'network: blocked in the worker and by a private network namespace (unshare -n)' }
      : {
          prefix: [],
          description: `network: blocked in the worker only (unshare -n is not permitted here: ${(probe.error?.message ?? probe.stderr ?? '').trim() || `exit ${probe.status}`})`,
        };
  return probed;
}
