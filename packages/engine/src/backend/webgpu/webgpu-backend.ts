import type { Backend, BinaryOp, MatmulSpec, ReduceOp, Storage, UnaryOp } from '../backend.js';
import { markBackendUnavailable } from '../registry.js';
import { allocate, dtypeOfTypedArray, type DType, type TypedArray } from '../../tensor/dtype.js';
import { numel, type Shape } from '../../tensor/shape.js';
import { ControlChannel } from './control-channel.js';
import { GpuStorage } from './gpu-storage.js';
import type { GpuThread, StartGpuThread } from './gpu-thread.js';
import { STARTUP_TICKET, STATS_FIELDS, type AdapterInfo, type GpuMemoryStats } from './protocol.js';
import { checkIndices } from './check-indices.js';
import type { CollectableRegistry } from './collectable-registry.js';
import { wgslType, type KernelLaunch } from './kernels/kernel.js';
import { unaryKernel } from './kernels/unary.js';
import { binaryKernel } from './kernels/binary.js';
import { reduceKernel } from './kernels/reduce.js';
import { chooseMatmul, matmulKernel, type MatmulVariant } from './kernels/matmul.js';
import { stridedKernel } from './kernels/strided.js';
import { concatPartKernel } from './kernels/concat.js';
import { gatherKernel, scatterAddKernel } from './kernels/gather.js';
import { castKernel, fullKernel } from './kernels/cast.js';

export const WEBGPU_DEVICE = 'webgpu';

/** How long start-up and a read may block before they fail, unless DLCOURSE_WEBGPU_TIMEOUT_MS says otherwise. */
const DEFAULT_TIMEOUT_MS = 120_000;

function envTimeout(): number {
  const value = Number(globalThis.process?.env?.DLCOURSE_WEBGPU_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

/** The device could not start; `reason` says why and how to fix it. */
export class WebGpuUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`Device '${WEBGPU_DEVICE}' is not available: ${reason}`);
    this.name = 'WebGpuUnavailableError';
  }
}

export interface WebGpuBackend extends Backend {
  /** Starts the GPU thread now (otherwise the first use does); throws why it cannot. */
  start(): void;
  /** The adapter in use (starts the device). */
  adapterInfo(): AdapterInfo;
  /** Which matmul kernel this adapter gets (see kernels/matmul.ts). */
  matmulVariant(): MatmulVariant;
  /** After a full garbage collection: buffers on the GPU thread and storages alive on this one (to check that memory stays bounded). */
  memoryStats(): GpuMemoryStats & { liveStorages: number };
}

/**
 * The webgpu backend as the calling thread sees it: a synchronous proxy. Each primitive makes
 * an output handle at once and posts the kernel launch to the GPU thread, which runs the
 * launches in order; only `read` (item, toArray, cpu) waits, blocking in Atomics.wait until
 * the GPU thread has copied the values into shared memory. Errors raised on the GPU thread
 * (WGSL compile errors, validation errors, a lost device) are thrown here, at the latest by
 * the next read. Handles that are garbage collected free their buffers (FinalizationRegistry).
 */
export interface WebGpuEnvironment {
  startThread: StartGpuThread;
  newRegistry: <T>(callback: (held: T) => void) => CollectableRegistry<T>;
  /** How long start-up and a read may block before they fail. */
  timeoutMs?: number;
  /** Forces a matmul kernel instead of choosing by adapter (also DLCOURSE_WEBGPU_MATMUL). */
  matmul?: MatmulVariant;
}

/** Handles made between two runs of finalization callbacks (cheap when nothing was collected). */
const COLLECT_EVERY = 64;
/** GPU bytes allocated between two full garbage collections (~20 ms each; a training step of the MLP makes ~16 MB). */
const COLLECT_GARBAGE_EVERY_BYTES = 256 * 1024 * 1024;

export function createWebGpuBackend({ startThread, newRegistry, timeoutMs = envTimeout(), matmul }: WebGpuEnvironment): WebGpuBackend {
  let thread: GpuThread | undefined;
  let startFailure: Error | undefined;
  let adapter: AdapterInfo | undefined;
  let matmulVariant: MatmulVariant = 'tiled';
  let nextId = 1;
  let nextTicket = STARTUP_TICKET + 1;
  let liveStorages = 0;
  let made = 0;
  let bytesSinceGarbageCollection = 0;
  const sentKernels = new Set<string>();
  // Made on first use, so that importing the engine changes nothing (it sets V8 flags in Node).
  let releasedRegistry: CollectableRegistry<number> | undefined;
  const released = (): CollectableRegistry<number> =>
    (releasedRegistry ??= newRegistry<number>((id) => {
      liveStorages--;
      thread?.post({ type: 'free', id });
    }));

  function started(): GpuThread {
    if (thread) return thread;
    if (startFailure) throw startFailure;
    const candidate = startThread(new ControlChannel());
    // the thread's channel: a thread started ahead of time (in a browser) brings its own
    const channel = candidate.channel;
    const answered = channel.awaitTicket(STARTUP_TICKET, timeoutMs);
    const failure = answered ? channel.takeError() : { message: `the GPU thread did not start within ${timeoutMs / 1000} s.` };
    if (failure) {
      startFailure = new WebGpuUnavailableError(failure.message);
      markBackendUnavailable(WEBGPU_DEVICE, failure.message);
      throw startFailure;
    }
    adapter = JSON.parse(channel.readText()) as AdapterInfo;
    matmulVariant = chooseMatmul(adapter, matmul ?? globalThis.process?.env?.DLCOURSE_WEBGPU_MATMUL);
    thread = candidate;
    return thread;
  }

  /** Throws the error the GPU thread recorded, if any. */
  function surfaceErrors(gpu: GpuThread): void {
    const error = gpu.channel.takeError();
    if (error) throw new Error(`webgpu: ${error.message}`);
  }

  /** Blocks until the GPU thread answers `ticket`; never hangs past the timeout. */
  function awaitAnswer(gpu: GpuThread, ticket: number, what: string): void {
    if (!gpu.channel.awaitTicket(ticket, timeoutMs)) {
      surfaceErrors(gpu);
      throw new Error(
        `webgpu: ${what} got no answer from the GPU thread within ${timeoutMs / 1000} s (the device may be hung or the queued work too large). ` +
          'Raise DLCOURSE_WEBGPU_TIMEOUT_MS for very long kernels.',
      );
    }
    surfaceErrors(gpu);
  }

  function handle(size: number, dtype: DType, hostIndices?: Int32Array): GpuStorage {
    wgslType(dtype);
    const storage = new GpuStorage(nextId++, size, dtype, hostIndices);
    released().register(storage, storage.id);
    bytesSinceGarbageCollection += storage.bytes;
    if (bytesSinceGarbageCollection > COLLECT_GARBAGE_EVERY_BYTES) {
      bytesSinceGarbageCollection = 0;
      released().collectGarbage();
    } else if (++made % COLLECT_EVERY === 0) {
      released().collect();
    }
    liveStorages++;
    return storage;
  }

  /** Posts one launch writing `output` (allocating it on first write). */
  function launch(kernel: KernelLaunch, inputs: readonly GpuStorage[], output: GpuStorage): void {
    const gpu = started();
    surfaceErrors(gpu);
    if (kernel.workgroups.some((w) => w === 0)) {
      gpu.post({ type: 'alloc', id: output.id, bytes: output.bytes });
      return;
    }
    const first = !sentKernels.has(kernel.key);
    if (first) sentKernels.add(kernel.key);
    gpu.post({
      type: 'run',
      key: kernel.key,
      wgsl: first ? kernel.wgsl() : undefined,
      inputs: inputs.map((s) => s.id),
      output: output.id,
      outputBytes: output.bytes,
      params: Uint32Array.from(kernel.params),
      workgroups: kernel.workgroups,
    });
  }

  function produce(kernel: KernelLaunch, inputs: readonly Storage[], size: number, dtype: DType): GpuStorage {
    const out = handle(size, dtype);
    launch(kernel, inputs as GpuStorage[], out);
    return out;
  }

  function read(storage: Storage, dtype: DType, size: number): TypedArray {
    const gpu = started();
    const out = allocate(dtype, size);
    if (size === 0) {
      surfaceErrors(gpu);
      return out;
    }
    const ticket = nextTicket++;
    const target = new SharedArrayBuffer(size * 4);
    gpu.post({ type: 'read', id: (storage as GpuStorage).id, bytes: size * 4, target, ticket });
    awaitAnswer(gpu, ticket, 'read');
    new Uint8Array(out.buffer).set(new Uint8Array(target));
    return out;
  }

  /** The int32 values of an index storage, for bounds checks: the host copy if any, else a read. */
  function indicesOf(index: Storage, size: number): Int32Array {
    const s = index as GpuStorage;
    return s.hostIndices ?? (read(s, 'int32', size) as Int32Array);
  }

  return {
    name: WEBGPU_DEVICE,
    supportedDTypes: ['float32', 'int32'],

    start: () => void started(),
    adapterInfo: () => {
      started();
      return adapter!;
    },
    matmulVariant: () => {
      started();
      return matmulVariant;
    },
    memoryStats: () => {
      released().collectGarbage();
      const gpu = started();
      const ticket = nextTicket++;
      const target = new SharedArrayBuffer(STATS_FIELDS.length * 8);
      gpu.post({ type: 'stats', target, ticket });
      awaitAnswer(gpu, ticket, 'memoryStats');
      const values = new Float64Array(target);
      const stats = Object.fromEntries(STATS_FIELDS.map((f, i) => [f, values[i]])) as GpuMemoryStats;
      return { ...stats, liveStorages };
    },

    fromTypedArray(data) {
      const dtype = dtypeOfTypedArray(data);
      if (dtype === 'float64') {
        throw new TypeError("webgpu holds float32 and int32 only (WGSL has no 64-bit floats): convert with .float() before .to('webgpu').");
      }
      const gpu = started();
      surfaceErrors(gpu);
      // A copy: the caller may keep changing its array, and the copy's buffer can be transferred.
      const copy = data.slice();
      const isIndex = dtype === 'int32';
      const out = handle(data.length, dtype, isIndex ? (copy as Int32Array) : undefined);
      const bytes = (isIndex ? copy.buffer.slice(0) : copy.buffer) as ArrayBuffer;
      gpu.post({ type: 'upload', id: out.id, data: bytes }, [bytes]);
      return out;
    },
    read,
    full: (size, value, dtype) => produce(fullKernel(size, value, dtype), [], size, dtype),
    cast: (x, from, to, size) => produce(castKernel(size, from, to), [x], size, to),

    unary: (op: UnaryOp, x, size, dtype) => produce(unaryKernel(op, size, dtype), [x], size, dtype),
    binary: (op: BinaryOp, a, aShape, b, bShape, outShape, inDType, outDType) =>
      produce(binaryKernel(op, aShape, bShape, outShape, inDType, outDType), [a, b], numel(outShape), outDType),
    reduce(op: ReduceOp, x, shape, axes, dtype) {
      const outSize = numel(shape.map((d, i) => (axes.includes(i) ? 1 : d)));
      const groupSize = axes.reduce((acc, d) => acc * shape[d], 1);
      if (op !== 'sum' && groupSize === 0 && outSize > 0) {
        throw new RangeError(`${op}: cannot reduce an empty dimension (there is no ${op} of zero elements).`);
      }
      if ((op === 'argmax' || op === 'argmin') && axes.length !== 1) throw new RangeError(`${op} reduces exactly one dim (or the flattened tensor).`);
      const outDType = op === 'argmax' || op === 'argmin' ? 'int32' : dtype;
      return produce(reduceKernel(op, shape, axes, dtype), [x], outSize, outDType);
    },
    matmul(a, b, spec: MatmulSpec, dtype) {
      started();
      return produce(matmulKernel(matmulVariant, spec, dtype), [a, b], spec.batch * spec.m * spec.n, dtype);
    },
    strided: (x, outShape: Shape, strides, offset, dtype) => produce(stridedKernel(outShape, strides, offset, dtype), [x], numel(outShape), dtype),
    concat(xs, shapes, axis, dtype) {
      const first = shapes[0];
      const outer = first.slice(0, axis).reduce((a, b) => a * b, 1);
      const inner = first.slice(axis + 1).reduce((a, b) => a * b, 1);
      const blocks = shapes.map((s) => s[axis] * inner);
      const rowLength = blocks.reduce((a, b) => a + b, 0);
      const out = handle(outer * rowLength, dtype);
      let destination = 0;
      xs.forEach((x, t) => {
        // every part launches (an empty one just allocates), so the output exists even when all are empty
        launch(concatPartKernel(outer * blocks[t], blocks[t], rowLength, destination, dtype), [x as GpuStorage], out);
        destination += blocks[t];
      });
      if (xs.length === 0) launch(fullKernel(0, 0, dtype), [], out);
      return out;
    },
    gather(x, xShape, dim, index, indexShape, dtype) {
      checkIndices('gather', indicesOf(index, numel(indexShape)), indexShape, dim, xShape[dim]);
      return produce(gatherKernel(xShape, dim, indexShape, dtype), [x, index], numel(indexShape), dtype);
    },
    scatterAdd(outShape, dim, index, src, srcShape, dtype) {
      checkIndices('scatterAdd', indicesOf(index, numel(srcShape)), srcShape, dim, outShape[dim]);
      return produce(scatterAddKernel(outShape, dim, srcShape, dtype), [index, src], numel(outShape), dtype);
    },
  };
}
