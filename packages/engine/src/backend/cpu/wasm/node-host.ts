import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NativeKernel } from '../native/native-matmul.js';
import type { KernelMemory, MatmulHost } from './host.js';

/** Where `npm run build:wasm` (run by `npm ci`) writes the kernels; see packages/engine/wasm/. */
const KERNEL_URLS: Record<KernelMemory, URL> = {
  shared: new URL('../../../../wasm/build/kernels.wasm', import.meta.url),
  local: new URL('../../../../wasm/build/kernels-local.wasm', import.meta.url),
};
const WORKER_URL = new URL('./matmul-worker.mjs', import.meta.url);
/** Where `node native/build.mjs` (run by `npm ci`) writes the native kernel; see packages/engine/native/. */
const NATIVE_URL = new URL('../../../../native/build/matmul.node', import.meta.url);

/** The native kernel, or why it cannot load here: not built (no C compiler at install), or addons not allowed (a grading sandbox). */
export function loadNativeKernel(url: URL = NATIVE_URL): NativeKernel | { missing: string } {
  try {
    return createRequire(import.meta.url)(fileURLToPath(url)) as NativeKernel;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND') return { missing: `the native kernel ${fileURLToPath(url)} is not built (\`npm run build:native -w @dlcourse/engine\`, which needs a C compiler).` };
    return { missing: `the native kernel could not load here (${code ?? (error as Error).message}).` };
  }
}

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

/**
 * Threads this process may use: its cores, or 1 under Node's permission model without
 * --allow-worker (a grading sandbox), where a worker could not start.
 */
export function usableCores(permission: { has(scope: string): boolean } | undefined, cores: number): number {
  return permission && !permission.has('worker') ? 1 : cores;
}

/** The Node platform: the kernels from disk, worker_threads for the other cores. */
export const nodeHost: MatmulHost = {
  loadKernel: (memory) => readKernel(KERNEL_URLS[memory]),
  loadNativeKernel: () => loadNativeKernel(),
  cores: () => usableCores((process as { permission?: { has(scope: string): boolean } }).permission, availableParallelism()),
  startWorker(init) {
    const worker = new Worker(WORKER_URL, { workerData: init });
    // A worker blocks in Atomics.wait between products: it must never hold the process open.
    worker.unref();
  },
};
