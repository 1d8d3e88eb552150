import type { MatmulSpec } from '../../backend.js';
import type { MatmulHost } from './host.js';
import { ThreadChoice } from './thread-choice.js';
import { ThreadPool } from './thread-pool.js';
import { instantiateKernels } from './kernel-instance.js';
import { growMemoryTo, type WasmMemory, type WasmModule } from './wasm-api.js';

/** Buffers start on cache-line boundaries. */
const ALIGN = 64;
/** A batch larger than this many bytes of operands is run in chunks, so the memory stays bounded. */
const MAX_CHUNK_BYTES = 256 * 2 ** 20;
/**
 * Products below this many floating-point operations run on the calling thread alone: waking a
 * worker and waiting for it costs tens of microseconds (bench/matmul.ts --threads measures it).
 */
export const MIN_FLOPS_FOR_THREADS = 2 ** 21;
/**
 * Column chunks per thread when threads share a product: threads take chunks from a counter, so
 * one that the OS runs late (a busy machine) takes fewer instead of holding the others up.
 */
const CHUNKS_PER_THREAD = 4;
/** Shapes of product whose thread choice is remembered; past this many the memory starts afresh. */
const MAX_REMEMBERED_SHAPES = 256;

/** The kernel's exports (wasm/matmul.ts documents each). */
interface KernelExports {
  heapBase(): number;
  packScratchBytes(): number;
  panelColumns(): number;
  packedABytes(m: number, k: number): number;
  packA(a: number, m: number, k: number, transA: number, dst: number): void;
  gemm(...args: number[]): number;
}

export interface WasmMatmulOptions {
  /** Most threads to use (the default: every core the host reports). 1 = never start workers. */
  maxThreads?: number;
  /** Products with fewer floating-point operations stay on the calling thread. */
  minFlopsForThreads?: number;
  /**
   * Time each shape of product on threads and alone and use the faster (default true, see
   * ThreadChoice); false keeps threads on for every large product (tests, benchmarks).
   */
  adaptiveThreads?: boolean;
  /** Operand bytes per chunk of a batch (default 256 MiB; tests make it small to reach the chunking). */
  maxChunkBytes?: number;
  /** Makes the thread choice of each shape of product (tests watch what it is told). */
  newThreadChoice?: () => ThreadChoice;
}

const alignUp = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/**
 * The float32 matmul on the WebAssembly SIMD kernel (packages/engine/wasm/matmul.ts): operands
 * are copied into one shared wasm memory, which only ever grows and is reused by every call, and
 * large products are split by columns between the calling thread and worker threads.
 */
export class WasmMatmul {
  private readonly exports: KernelExports;
  private readonly pool: ThreadPool;
  /** Per shape of product (see choiceFor), which way is faster; null = always threads. */
  private readonly choices: Map<string, ThreadChoice> | null;
  private readonly heapBase: number;
  private readonly scratchPerThread: number;
  private readonly panelColumns: number;
  private readonly minFlopsForThreads: number;
  private readonly maxChunkBytes: number;
  private readonly newThreadChoice: () => ThreadChoice;
  private view: Float32Array;
  private counters: Int32Array;
  /** The most bytes of the memory that any call has used: beyond them, pages are touched for the first time. */
  private usedBytes = 0;

  /** The kernel on this host, or the reason it cannot run (missing build, no SIMD, …). */
  static create(host: MatmulHost, options: WasmMatmulOptions = {}): WasmMatmul | { unavailable: string } {
    const maxThreads = Math.max(1, options.maxThreads ?? host.cores());
    // One thread needs no shared memory, whose copies are slower (host.ts).
    const made = instantiateKernels(host, maxThreads > 1 ? 'shared' : 'local');
    if ('unavailable' in made) return made;
    return new WasmMatmul(host, made.module, made.memory, made.exports as unknown as KernelExports, { ...options, maxThreads });
  }

  private constructor(host: MatmulHost, module: WasmModule, private readonly memory: WasmMemory, exports: KernelExports, options: WasmMatmulOptions) {
    this.exports = exports;
    this.heapBase = alignUp(exports.heapBase());
    this.scratchPerThread = alignUp(exports.packScratchBytes());
    this.panelColumns = exports.panelColumns();
    this.minFlopsForThreads = options.minFlopsForThreads ?? MIN_FLOPS_FOR_THREADS;
    this.maxChunkBytes = options.maxChunkBytes ?? MAX_CHUNK_BYTES;
    this.choices = options.adaptiveThreads === false ? null : new Map();
    this.newThreadChoice = options.newThreadChoice ?? (() => new ThreadChoice());
    this.pool = new ThreadPool(host, module, memory, options.maxThreads ?? 1);
    this.view = new Float32Array(memory.buffer);
    this.counters = new Int32Array(memory.buffer);
  }

  /** Waits until the worker threads have started (for tests and benchmarks; calls never need it). */
  whenThreadsReady(): Promise<number> {
    return this.pool.whenReady();
  }

  /**
   * out = op(a)·op(b) for every product of the batch, as the cpu backend's matmul primitive,
   * plus `bias` (n values) on every row when given: each sum is rounded before its bias is added,
   * so the bits are those of a product followed by an add. Returns false, computing nothing,
   * when the operands cannot fit in a wasm memory (4 GiB).
   */
  matmul(a: Float32Array, b: Float32Array, spec: MatmulSpec, out: Float32Array, bias?: Float32Array): boolean {
    const { batch, m, k, n } = spec;
    if (batch === 0 || m === 0 || n === 0) return true;
    const kernel = this.exports;
    const aShared = spec.aBatchStride === 0;
    const bShared = spec.bBatchStride === 0;
    const aBytes = m * k * 4;
    const bBytes = k * n * 4;
    const cBytes = m * n * 4;
    const packedBytes = alignUp(kernel.packedABytes(m, k));
    const perProduct = (aShared ? 0 : alignUp(aBytes) + packedBytes) + (bShared ? 0 : alignUp(bBytes)) + alignUp(cBytes);
    const chunk = Math.max(1, Math.min(batch, Math.floor(this.maxChunkBytes / perProduct)));
    const large = 2 * m * n * k * chunk >= this.minFlopsForThreads;
    const choice = large ? this.choiceFor(spec) : null;
    const threads = large && (choice?.useThreads() ?? true) ? this.pool.threadsReady() : 1;
    const started = performance.now();

    // [A | B | C | packed A | counter | bias | scratch per thread], each cache-line aligned
    const aPtr = this.heapBase;
    const bPtr = aPtr + alignUp(aShared ? aBytes : aBytes * chunk);
    const cPtr = bPtr + alignUp(bShared ? bBytes : bBytes * chunk);
    const packedPtr = cPtr + alignUp(cBytes * chunk);
    const counterPtr = packedPtr + (aShared ? packedBytes : packedBytes * chunk);
    const biasPtr = counterPtr + ALIGN;
    const scratchPtr = biasPtr + (bias ? alignUp(n * 4) : 0);
    if (threads > 1) this.pool.wake();
    const usedBytes = scratchPtr + threads * this.scratchPerThread;
    if (!this.ensureBytes(usedBytes)) return false;
    // A call reaching memory that no call used before pays for first touches (page faults, ~10 µs
    // a page on a virtual machine: a third of a first 1024³ product), so its time says nothing
    // about threads: counted, it made threads look slower and kept 1024³ products on one thread.
    const firstTouch = usedBytes > this.usedBytes;
    this.usedBytes = Math.max(this.usedBytes, usedBytes);
    const f32 = this.view;
    if (aShared) {
      f32.set(a.subarray(0, m * k), aPtr / 4);
      kernel.packA(aPtr, m, k, +spec.transA, packedPtr);
    }
    if (bShared) f32.set(b.subarray(0, k * n), bPtr / 4);
    if (bias) f32.set(bias.subarray(0, n), biasPtr / 4);

    for (let first = 0; first < batch; first += chunk) {
      const count = Math.min(chunk, batch - first);
      if (!aShared) {
        f32.set(a.subarray(first * m * k, (first + count) * m * k), aPtr / 4);
        for (let t = 0; t < count; t++) kernel.packA(aPtr + t * aBytes, m, k, +spec.transA, packedPtr + t * packedBytes);
      }
      if (!bShared) f32.set(b.subarray(first * k * n, (first + count) * k * n), bPtr / 4);
      const chunkCols = this.chunkColumns(n, count, threads);
      this.counters[counterPtr / 4] = 0;
      const args = [packedPtr, aShared ? 0 : packedBytes, bPtr, bShared ? 0 : k * n, +spec.transB, cPtr, count, m, k, n, chunkCols, counterPtr, scratchPtr, bias ? biasPtr : 0];
      if (threads === 1) kernel.gemm(...args, 0);
      else this.pool.run(args, threads, (thread) => kernel.gemm(...args, thread));
      out.set(f32.subarray(cPtr / 4, cPtr / 4 + count * m * n), first * m * n);
    }
    if (!firstTouch) choice?.record(threads > 1, performance.now() - started);
    return true;
  }

  /** The thread choice for this shape of product, or null when threads are always used. */
  private choiceFor(spec: MatmulSpec): ThreadChoice | null {
    if (this.choices === null) return null;
    const key = `${spec.batch} ${spec.m} ${spec.k} ${spec.n} ${+spec.transA}${+spec.transB} ${+(spec.aBatchStride === 0)}${+(spec.bBatchStride === 0)}`;
    let choice = this.choices.get(key);
    if (choice === undefined) {
      if (this.choices.size >= MAX_REMEMBERED_SHAPES) this.choices.clear();
      choice = this.newThreadChoice();
      this.choices.set(key, choice);
    }
    return choice;
  }

  /** Columns per chunk: whole products on one thread; else about CHUNKS_PER_THREAD chunks per thread, whole panels. */
  private chunkColumns(n: number, products: number, threads: number): number {
    if (threads === 1) return n;
    const perProduct = Math.ceil((threads * CHUNKS_PER_THREAD) / products);
    const panels = Math.ceil(n / this.panelColumns);
    return Math.ceil(panels / perProduct) * this.panelColumns;
  }

  /** Grows the memory to at least `bytes` (never shrinks it); false when it cannot grow that far. */
  private ensureBytes(bytes: number): boolean {
    if (!growMemoryTo(this.memory, bytes)) return false;
    if (this.view.length * 4 !== this.memory.buffer.byteLength) {
      this.view = new Float32Array(this.memory.buffer);
      this.counters = new Int32Array(this.memory.buffer);
    }
    return true;
  }
}
