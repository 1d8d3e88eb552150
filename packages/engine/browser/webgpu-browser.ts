/**
 * The webgpu device for the engine running in a Web Worker (where Atomics.wait may block).
 * A nested worker cannot start while its parent blocks, so the GPU thread is started here,
 * asynchronously, before training: `await startWebGpu(new URL('./gpu-thread.js', import.meta.url))`.
 * Needs a cross-origin isolated page (COOP/COEP headers) for SharedArrayBuffer.
 */
import { registerBackend } from '../src/backend/registry.js';
import { ControlChannel } from '../src/backend/webgpu/control-channel.js';
import { eventLoopRegistry } from '../src/backend/webgpu/collectable-registry.js';
import { createWebGpuBackend, type WebGpuBackend } from '../src/backend/webgpu/webgpu-backend.js';
import { SLOT_ANSWERED, STARTUP_TICKET, type StartMessage } from '../src/backend/webgpu/protocol.js';
import type { GpuThread } from '../src/backend/webgpu/gpu-thread.js';

/** The parts of a Web Worker's global scope used here (the repository compiles without DOM types). */
interface BrowserScope {
  crossOriginIsolated?: boolean;
  Worker: new (url: URL, options: { type: 'module' }) => { postMessage(message: unknown, transfer?: ArrayBuffer[]): void };
}

export async function startWebGpu(gpuThreadScript: URL): Promise<WebGpuBackend> {
  const scope = globalThis as unknown as BrowserScope;
  if (!scope.crossOriginIsolated) {
    throw new Error('webgpu in the browser needs SharedArrayBuffer: serve the page with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.');
  }
  const channel = new ControlChannel();
  const worker = new scope.Worker(gpuThreadScript, { type: 'module' });
  const start: StartMessage = { control: channel.buffer };
  worker.postMessage(start);
  // wait without blocking, so that the nested worker can start
  while (Atomics.load(channel.slots, SLOT_ANSWERED) < STARTUP_TICKET) await new Promise((resolve) => setTimeout(resolve, 5));
  const thread: GpuThread = { channel, post: (command, transfer) => worker.postMessage(command, transfer ?? []) };
  const backend = createWebGpuBackend({ startThread: () => thread, newRegistry: eventLoopRegistry });
  registerBackend(backend);
  backend.start();
  return backend;
}
