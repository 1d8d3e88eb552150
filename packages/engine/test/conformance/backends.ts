/**
 * Which backends the conformance suite runs on (TensorFlow.js style: one suite, run once per
 * backend). By default every device registered with the engine (`availableDevices()`); the
 * environment variable CONFORMANCE_BACKENDS=cpu,webgpu names them explicitly. A named backend
 * that is not there is a FAILURE of the run (one failing test that says why), never a skip:
 * a CI job that asked for webgpu must not go green on a machine without a GPU.
 *
 * A backend joins by registering itself (registerBackend) when the engine is imported, or, if
 * it needs asynchronous start-up (a WebGPU adapter and device), by adding that start-up to
 * SETUPS below; a start-up that fails should call markBackendUnavailable(name, reason) so the
 * failure message carries the reason.
 */
import { availableDevices, getBackend, markBackendUnavailable, webgpuBackend, WebGpuUnavailableError, type Backend } from '../../src/index.js';

/** Asynchronous start-up per backend name, awaited before the list is made. */
const SETUPS: Record<string, () => Promise<void>> = {
  // Starts the GPU thread (it blocks until the adapter answers), so that a missing adapter is
  // one failing test with the reason rather than every test failing.
  webgpu: async () => {
    try {
      webgpuBackend.start();
    } catch (e) {
      throw e instanceof WebGpuUnavailableError ? new Error(e.reason) : e;
    }
  },
};

export interface ConformanceTarget {
  name: string;
  /** The backend, or undefined when it was requested but is not available. */
  backend?: Backend;
  /** Why the requested backend is missing (for the failing test's message). */
  missing?: string;
}

/** Parses CONFORMANCE_BACKENDS ("cpu, webgpu") into names; undefined when unset or blank. */
export function requestedBackends(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(names)];
}

/** Resolves names to backends; a name that does not resolve gives a target with `missing` set. */
export function resolveTargets(requested: string[] | undefined, available: readonly string[], lookup: (name: string) => Backend): ConformanceTarget[] {
  const names = requested ?? [...available];
  if (names.length === 0) return [{ name: '(none)', missing: 'no backend is registered with the engine at all.' }];
  return names.map((name) => {
    try {
      return { name, backend: lookup(name) };
    } catch (e) {
      const reason = (e as Error).message;
      const listed = reason.includes('Available devices') ? '' : ` Registered backends: ${available.join(', ') || '(none)'}.`;
      return {
        name,
        missing: `CONFORMANCE_BACKENDS asks for backend '${name}' but it is not available: ${reason}${listed} Enable it, or remove it from CONFORMANCE_BACKENDS.`,
      };
    }
  });
}

export async function conformanceTargets(): Promise<ConformanceTarget[]> {
  const requested = requestedBackends(process.env.CONFORMANCE_BACKENDS);
  for (const [name, setup] of Object.entries(SETUPS)) {
    if (requested !== undefined && !requested.includes(name)) continue;
    try {
      await setup();
    } catch (e) {
      // Unrequested: the backend is simply not run. Requested: resolveTargets reports this reason.
      markBackendUnavailable(name, `its start-up failed: ${(e as Error).message}`);
    }
  }
  return resolveTargets(requested, availableDevices(), getBackend);
}
