import type { MatmulSpec } from '../backend.js';
import type { DType, TypedArray } from '../../tensor/dtype.js';
import { matmulKernel } from './matmul.js';
import type { MatmulHost } from './wasm/host.js';
import { nodeHost } from './wasm/node-host.js';
import { WasmMatmul, type WasmMatmulOptions } from './wasm/wasm-matmul.js';
import { NativeMatmul } from './native/native-matmul.js';

/** Which kernel runs the cpu backend's float32 products. */
export type CpuMatmulKernel = 'native' | 'webassembly' | 'javascript';

export interface CpuMatmul {
  /** out = op(a)·op(b), plus `bias` (n values) on every row when given (the sum rounded first). */
  (a: TypedArray, b: TypedArray, spec: MatmulSpec, dtype: DType, out: TypedArray, bias?: TypedArray): void;
  /** The kernel its float32 products run on (started now if no product has started it yet). */
  kernel(): CpuMatmulKernel;
}

export interface CpuMatmulOptions extends WasmMatmulOptions {
  /** Use the native kernel where the host can load it (default true; the bench and tests compare both). */
  native?: boolean;
}

/**
 * Whether the native kernel is used by default: yes, unless DLCOURSE_MATMUL=wasm asks for the
 * WebAssembly kernels (to compare them, or to rule the native one out).
 */
const NATIVE_BY_DEFAULT = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DLCOURSE_MATMUL !== 'wasm';

/**
 * The cpu backend's matmul primitive on a host. float32 runs on the native kernel where the host
 * can load it (built by `npm ci` where there is a C compiler; addons allowed), else on the
 * WebAssembly SIMD kernel (float32 sums, threads for large products), either started on first
 * use; where neither can run, one warning says why and the JavaScript kernel does the work.
 * float64 and int32 always stay on the JavaScript kernel, whose float64 sums keep gradient checks
 * and the 1e-10 golden comparisons exact-quality.
 */
export function createCpuMatmul(host: MatmulHost, options: CpuMatmulOptions = {}): CpuMatmul {
  let started: NativeMatmul | WasmMatmul | null | undefined;
  const fast = (): NativeMatmul | WasmMatmul | null => {
    if (started === undefined && (options.native ?? NATIVE_BY_DEFAULT) && host.loadNativeKernel) {
      // No warning where it is missing: the WebAssembly kernels are the engine's baseline.
      const kernel = host.loadNativeKernel();
      if (!('missing' in kernel)) started = new NativeMatmul(kernel);
    }
    if (started === undefined) {
      const made = WasmMatmul.create(host, options);
      if (made instanceof WasmMatmul) {
        started = made;
      } else {
        console.warn(`@dlcourse/engine: ${made.unavailable} Using the slower JavaScript matmul meanwhile.`);
        started = null;
      }
    }
    return started;
  };
  const matmul = (a: TypedArray, b: TypedArray, spec: MatmulSpec, dtype: DType, out: TypedArray, bias?: TypedArray): void => {
    if (dtype === 'float32' && fast()?.matmul(a as Float32Array, b as Float32Array, spec, out as Float32Array, bias as Float32Array | undefined)) return;
    matmulKernel(a, b, spec, out);
    if (bias) addRowBias(out, bias, spec.n);
  };
  return Object.assign(matmul, {
    kernel: (): CpuMatmulKernel => {
      const kernel = fast();
      return kernel instanceof NativeMatmul ? 'native' : kernel ? 'webassembly' : 'javascript';
    },
  });
}

/** out[r, j] += bias[j] for every row r: the binary add's arithmetic (one rounding into out). */
function addRowBias(out: TypedArray, bias: TypedArray, n: number): void {
  for (let o = 0; o < out.length; o += n) {
    for (let j = 0; j < n; j++) out[o + j] = out[o + j] + bias[j];
  }
}

export const cpuMatmul: CpuMatmul = createCpuMatmul(nodeHost);

/**
 * Which kernel runs the cpu device's float32 matrix products in this process: 'native' (the C
 * kernel, packages/engine/native/), 'webassembly' (where that is not built or may not load) or
 * 'javascript' (where neither can run). Benchmarks print it beside their numbers.
 */
export function cpuMatmulKernel(): CpuMatmulKernel {
  return cpuMatmul.kernel();
}
