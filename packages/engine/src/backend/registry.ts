import type { Backend } from './backend.js';

/**
 * Devices by name ('cpu', 'webgpu', …). A backend that cannot start (no adapter, no driver)
 * registers a reason instead, so `.to('webgpu')` says why rather than "unknown device".
 */
const backends = new Map<string, Backend>();
const unavailable = new Map<string, string>();

export function registerBackend(backend: Backend): void {
  backends.set(backend.name, backend);
  unavailable.delete(backend.name);
}

/** Records why `name` cannot run; a registered backend whose start-up failed is replaced by the reason. */
export function markBackendUnavailable(name: string, reason: string): void {
  backends.delete(name);
  unavailable.set(name, reason);
}

export function getBackend(device: string): Backend {
  const backend = backends.get(device);
  if (backend) return backend;
  const reason = unavailable.get(device);
  if (reason) throw new Error(`Device '${device}' is not available: ${reason}`);
  const known = [...backends.keys()].join(', ');
  throw new Error(
    `Unknown device '${device}'. Available devices: ${known}.` +
      (device === 'cuda' || device === 'gpu' ? " This engine's GPU device is called 'webgpu'." : ''),
  );
}

export function availableDevices(): string[] {
  return [...backends.keys()];
}
