import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MatmulHost } from './host.js';

/** Where `npm run build:wasm` (run by `npm ci`) writes the kernels; see packages/engine/wasm/. */
const KERNEL_URL = new URL('../../../../wasm/build/kernels.wasm', import.meta.url);
const WORKER_URL = new URL('./matmul-worker.mjs', import.meta.url);

/** The kernel's bytes from `url`, or why they cannot be read and the command that builds them. */
export function readKernel(url: URL): ReturnType<MatmulHost['loadKernel']> {
  try {
    return { bytes: readFileSync(url) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      missing: `the WebAssembly kernels ${fileURLToPath(url)} could not be read (${reason}). Build it with \`npm run build:wasm -w @dlcourse/engine\` (npm ci does this).`,
    };
  }
}

/** The Node platform: the kernel from disk, worker_threads for the other cores. */
export const nodeHost: MatmulHost = {
  loadKernel: () => readKernel(KERNEL_URL),
  cores: () => availableParallelism(),
  startWorker(init) {
    const worker = new Worker(WORKER_URL, { workerData: init });
    // A worker blocks in Atomics.wait between products: it must never hold the process open.
    worker.unref();
  },
};
