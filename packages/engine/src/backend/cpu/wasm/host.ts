import type { NativeKernel } from '../native/native-matmul.js';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/**
 * What the WebAssembly matmul needs from its platform, kept apart so that Node's fs and
 * worker_threads stay in node-host.ts and a browser build can bring its own (fetch, Web Workers).
 */
export interface KernelWorkerInit {
  /** 1, 2, …: the worker's share index (the calling thread is 0). */
  index: number;
  module: WasmModule;
  /** The shared memory every thread's instance runs on. */
  memory: WasmMemory;
  /** Int32Array slots over a SharedArrayBuffer: see MAILBOX in thread-pool.ts. */
  mailbox: SharedArrayBuffer;
  layout: Readonly<Record<string, number>>;
  /** How long the worker polls for the next call before it sleeps (see SPIN_MS in thread-pool.ts). */
  spinMs: number;
}

/**
 * The two builds of the kernels (wasm/asconfig.json): on a shared memory, which worker threads
 * can run on too, or on a memory of the calling thread's own. Copies into a shared memory are
 * 2.5× slower (V8 copies it with relaxed atomics: 31 µs instead of 12 µs for 800 KB here), so
 * whatever runs on one thread only uses the local build.
 */
export type KernelMemory = 'shared' | 'local';

export interface MatmulHost {
  /** The compiled kernels' bytes, or a sentence saying why there are none and how to build them. */
  loadKernel(memory: KernelMemory): { bytes: Uint8Array } | { missing: string };
  /**
   * How many threads are worth using at most (the cores this process may run on; 1 where it
   * may not start threads). The calling thread blocks in Atomics.wait while workers finish, so
   * a host whose calling thread may not block (a browser's main thread) answers 1.
   */
  cores(): number;
  /**
   * Starts a worker that runs the kernel's share `init.index` on the shared memory. Throws where
   * threads are not allowed (Node's permission model without --allow-worker, a sandbox, …).
   * The worker must not keep the process alive.
   */
  startWorker(init: KernelWorkerInit): void;
  /**
   * The native kernel (packages/engine/native/), where this platform can load one: Node, with the
   * addon built and, under the permission model, addons allowed. Otherwise why not, in a sentence.
   */
  loadNativeKernel?(): NativeKernel | { missing: string };
}
