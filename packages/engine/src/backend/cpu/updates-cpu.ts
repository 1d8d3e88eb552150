import type { AdamScalars, AdamStorages } from '../backend.js';
import type { DType, TypedArray } from '../../tensor/dtype.js';
import { adamUpdateFloat32, adamUpdateFloat64 } from './adam-update.js';
import { scaledAddKernel } from './binary.js';
import type { MatmulHost } from './wasm/host.js';
import { nodeHost } from './wasm/node-host.js';
import { MIN_WASM_UPDATE, WasmUpdates, type Float32AdamStorages } from './wasm/wasm-updates.js';

export interface CpuUpdates {
  /** out = a + α·b (the backend's scaledAdd). */
  scaledAdd(a: TypedArray, b: TypedArray, alpha: number, out: TypedArray): void;
  /** One Adam step in place (the backend's adamUpdate). */
  adam(t: AdamStorages, k: AdamScalars, dtype: DType): void;
}

/**
 * The cpu backend's optimizer updates on a host: large float32 storages on the WebAssembly
 * kernels, started on first use; everything else, and everywhere the kernels cannot run (matmul
 * already warns about that once), on the JavaScript loops. Both give the same bits.
 */
export function createCpuUpdates(host: MatmulHost): CpuUpdates {
  let wasm: WasmUpdates | null | undefined;
  const fast = (size: number): WasmUpdates | null => {
    if (size < MIN_WASM_UPDATE) return null;
    if (wasm === undefined) {
      const made = WasmUpdates.create(host);
      wasm = made instanceof WasmUpdates ? made : null;
    }
    return wasm;
  };
  return {
    scaledAdd(a, b, alpha, out) {
      const float32 = out instanceof Float32Array && a instanceof Float32Array && b instanceof Float32Array;
      if (float32 && fast(out.length)?.scaledAdd(a, b, alpha, out)) return;
      scaledAddKernel(a, b, alpha, out);
    },
    adam(t, k, dtype) {
      if (dtype === 'float64') {
        adamUpdateFloat64(t.param as Float64Array, t.grad as Float64Array, t.expAvg as Float64Array, t.expAvgSq as Float64Array, t.maxExpAvgSq as Float64Array | undefined, k);
        return;
      }
      const f32 = t as Float32AdamStorages;
      if (fast(f32.param.length)?.adam(f32, k)) return;
      adamUpdateFloat32(f32.param, f32.grad, f32.expAvg, f32.expAvgSq, f32.maxExpAvgSq, k);
    },
  };
}

export const cpuUpdates: CpuUpdates = createCpuUpdates(nodeHost);
