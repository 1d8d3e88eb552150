/// <reference types="@webgpu/types" />

/** The smallest buffer handed out: tiny tensors (scalars, biases) share one bucket. */
const MIN_BUCKET_BYTES = 256;
/** Idle bytes kept for reuse; beyond this, released buffers are destroyed. */
const MAX_POOLED_BYTES = 512 * 1024 * 1024;

/**
 * Rounds a request up to its size bucket: powers of two and the midpoints between them
 * (256, 384, 512, 768, …), so a reused buffer wastes at most a third of its size.
 */
export function bucketBytes(bytes: number): number {
  if (bytes <= MIN_BUCKET_BYTES) return MIN_BUCKET_BYTES;
  const power = 2 ** Math.ceil(Math.log2(bytes));
  const midpoint = power * 0.75;
  return bytes <= midpoint ? midpoint : power;
}

/**
 * GPU buffers by size bucket. A training step makes the same shapes every time, so after the
 * first step every allocation is served from the pool and memory stays flat.
 */
export class BufferPool {
  private readonly idle = new Map<number, GPUBuffer[]>();
  private pooledBytes = 0;
  private pooledCount = 0;
  liveCount = 0;
  liveBytes = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly usage: number,
  ) {}

  acquire(bytes: number): GPUBuffer {
    const size = bucketBytes(bytes);
    const reused = this.idle.get(size)?.pop();
    if (reused) {
      this.pooledBytes -= size;
      this.pooledCount--;
    }
    this.liveCount++;
    this.liveBytes += size;
    return reused ?? this.device.createBuffer({ size, usage: this.usage });
  }

  /** Keeps the buffer for reuse, or returns it when the pool is full (the caller destroys it once no queued work uses it). */
  release(buffer: GPUBuffer): GPUBuffer | undefined {
    this.liveCount--;
    this.liveBytes -= buffer.size;
    if (this.pooledBytes + buffer.size > MAX_POOLED_BYTES) return buffer;
    const list = this.idle.get(buffer.size) ?? [];
    list.push(buffer);
    this.idle.set(buffer.size, list);
    this.pooledBytes += buffer.size;
    this.pooledCount++;
    return undefined;
  }

  stats(): { liveBuffers: number; liveBytes: number; pooledBuffers: number; pooledBytes: number } {
    return { liveBuffers: this.liveCount, liveBytes: this.liveBytes, pooledBuffers: this.pooledCount, pooledBytes: this.pooledBytes };
  }
}
