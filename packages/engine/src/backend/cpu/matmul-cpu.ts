import type { MatmulSpec } from '../backend.js';
import type { DType, TypedArray } from '../../tensor/dtype.js';
import { matmulKernel } from './matmul.js';
import type { MatmulHost } from './wasm/host.js';
import { nodeHost } from './wasm/node-host.js';
import { WasmMatmul, type WasmMatmulOptions } from './wasm/wasm-matmul.js';

export type CpuMatmul = (a: TypedArray, b: TypedArray, spec: MatmulSpec, dtype: DType, out: TypedArray) => void;

/**
 * The cpu backend's matmul primitive on a host. float32 runs on the WebAssembly SIMD kernel
 * (float32 sums, threads for large products), started on first use; where it cannot run, one
 * warning says why and the JavaScript kernel does the work. float64 and int32 always stay on the
 * JavaScript kernel, whose float64 sums keep gradient checks and the 1e-10 golden comparisons
 * exact-quality.
 */
export function createCpuMatmul(host: MatmulHost, options: WasmMatmulOptions = {}): CpuMatmul {
  let wasm: WasmMatmul | null | undefined;
  const fast = (): WasmMatmul | null => {
    if (wasm === undefined) {
      const made = WasmMatmul.create(host, options);
      if (made instanceof WasmMatmul) {
        wasm = made;
      } else {
        console.warn(`@dlcourse/engine: ${made.unavailable} Using the slower JavaScript matmul meanwhile.`);
        wasm = null;
      }
    }
    return wasm;
  };
  return (a, b, spec, dtype, out) => {
    if (dtype === 'float32' && fast()?.matmul(a as Float32Array, b as Float32Array, spec, out as Float32Array)) return;
    matmulKernel(a, b, spec, out);
  };
}

export const cpuMatmul: CpuMatmul = createCpuMatmul(nodeHost);
