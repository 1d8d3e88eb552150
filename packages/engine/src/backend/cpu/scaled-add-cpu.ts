import type { TypedArray } from '../../tensor/dtype.js';
import { scaledAddKernel } from './binary.js';
import type { MatmulHost } from './wasm/host.js';
import { nodeHost } from './wasm/node-host.js';
import { MIN_WASM_SCALED_ADD, WasmScaledAdd } from './wasm/wasm-scaled-add.js';

export type CpuScaledAdd = (a: TypedArray, b: TypedArray, alpha: number, out: TypedArray) => void;

/**
 * The cpu backend's scaledAdd (out = a + α·b) on a host: large float32 updates on the
 * WebAssembly kernel, started on first use; everything else, and everywhere the kernel cannot
 * run (matmul already warns about that once), on the JavaScript loop. Both give the same bits.
 */
export function createCpuScaledAdd(host: MatmulHost): CpuScaledAdd {
  let wasm: WasmScaledAdd | null | undefined;
  const fast = (): WasmScaledAdd | null => {
    if (wasm === undefined) {
      const made = WasmScaledAdd.create(host);
      wasm = made instanceof WasmScaledAdd ? made : null;
    }
    return wasm;
  };
  return (a, b, alpha, out) => {
    const wasmFits = out instanceof Float32Array && a instanceof Float32Array && b instanceof Float32Array && out.length >= MIN_WASM_SCALED_ADD;
    if (wasmFits && fast()?.scaledAdd(a, b, alpha, out)) return;
    scaledAddKernel(a, b, alpha, out);
  };
}

export const cpuScaledAdd: CpuScaledAdd = createCpuScaledAdd(nodeHost);
