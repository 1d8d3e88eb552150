import asconfig from '../../../../wasm/asconfig.json' with { type: 'json' };
import type { KernelMemory, MatmulHost } from './host.js';
import { wasmApi, type WasmMemory, type WasmModule } from './wasm-api.js';

export interface KernelInstance {
  module: WasmModule;
  memory: WasmMemory;
  exports: Record<string, unknown>;
}

/**
 * One build of the kernels (host.ts: shared or local memory) instantiated on a fresh memory of
 * its kind, or the reason it cannot run here (missing build, no SIMD, no shared memory, …).
 */
export function instantiateKernels(host: MatmulHost, kind: KernelMemory): KernelInstance | { unavailable: string } {
  const kernel = host.loadKernel(kind);
  if ('missing' in kernel) return { unavailable: kernel.missing };
  try {
    const module = new wasmApi.Module(kernel.bytes);
    // Each build declares its memory, shared or not, with this maximum (wasm/asconfig.json).
    const memory = new wasmApi.Memory({ initial: 1, maximum: asconfig.options.maximumMemory, shared: kind === 'shared' });
    const { exports } = new wasmApi.Instance(module, { env: { memory } });
    return { module, memory, exports };
  } catch (error) {
    return { unavailable: `the WebAssembly kernels could not start here (${(error as Error).message}).` };
  }
}
