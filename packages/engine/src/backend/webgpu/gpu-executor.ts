/// <reference types="@webgpu/types" />
import { BufferPool } from './buffer-pool.js';
import type { ControlChannel } from './control-channel.js';
import { STATS_FIELDS, type Command, type RunCommand } from './protocol.js';

/** Dispatches recorded before a submit; bounds the latency of work the caller has not yet read. */
const MAX_PASSES_PER_SUBMIT = 64;
/** Distinct param buffers kept (shapes and strides repeat every training step). */
const MAX_CACHED_PARAMS = 2048;


/**
 * The GPU thread's half of the backend: it owns the device, the buffers behind the calling
 * thread's storage ids, and the pipelines. It knows no tensor semantics — kernels arrive as
 * WGSL with their params — so the same executor serves Node (Dawn in a worker thread) and the
 * browser (navigator.gpu in a nested Web Worker).
 *
 * Commands run strictly in order. Dispatches are batched into one command encoder and submitted
 * before anything that must see their results (a read) or could overtake them (a queue write).
 */
export class GpuExecutor {
  private readonly buffers = new Map<number, GPUBuffer>();
  private readonly data: BufferPool;
  private readonly staging: BufferPool;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly sources = new Map<string, string>();
  private readonly params = new Map<string, GPUBuffer>();
  private encoder: GPUCommandEncoder | undefined;
  private passes = 0;
  private readonly pending: Command[] = [];
  private draining = false;

  constructor(
    private readonly device: GPUDevice,
    private readonly channel: ControlChannel,
  ) {
    // GPUBufferUsage exists only once the WebGPU globals are installed, so not at module load.
    this.data = new BufferPool(device, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST);
    this.staging = new BufferPool(device, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
    device.onuncapturederror = (event) => channel.fail(`WebGPU reported an error on the GPU thread: ${event.error.message}`);
    void device.lost.then((info) => {
      channel.fail(`the WebGPU device was lost (${info.reason}): ${info.message}. Tensors on 'webgpu' are gone; restart the process.`, true);
    });
  }

  enqueue(command: Command): void {
    this.pending.push(command);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.pending.length > 0) {
      const command = this.pending.shift()!;
      try {
        const done = this.handle(command);
        if (done) await done;
      } catch (e) {
        this.channel.fail(`WebGPU '${command.type}' failed on the GPU thread: ${(e as Error).message ?? String(e)}`);
        // A blocked reader must wake up (and then finds the error) rather than time out.
        if (command.type === 'read' || command.type === 'stats') this.channel.ring(command.ticket);
      }
    }
    this.flush();
    this.draining = false;
  }

  private handle(command: Command): Promise<void> | void {
    switch (command.type) {
      case 'upload': {
        // A queue write runs before dispatches still in the encoder; submit them first so a
        // reused buffer is not overwritten under work that reads its old contents.
        this.flush();
        const buffer = this.data.acquire(command.data.byteLength);
        this.buffers.set(command.id, buffer);
        if (command.data.byteLength > 0) this.device.queue.writeBuffer(buffer, 0, command.data);
        return;
      }
      case 'alloc':
        if (!this.buffers.has(command.id)) this.buffers.set(command.id, this.data.acquire(command.bytes));
        return;
      case 'run':
        return this.run(command);
      case 'read':
        return this.read(command.id, command.bytes, command.target, command.ticket);
      case 'stats': {
        const pool = this.data.stats();
        const values = { ...pool, pipelines: this.pipelines.size };
        new Float64Array(command.target).set(STATS_FIELDS.map((f) => values[f]));
        this.channel.ring(command.ticket);
        return;
      }
      case 'free': {
        const buffer = this.buffers.get(command.id);
        if (!buffer) return;
        this.buffers.delete(command.id);
        const overflow = this.data.release(buffer);
        if (overflow) {
          this.flush();
          overflow.destroy();
        }
        return;
      }
    }
  }

  private async run(command: RunCommand): Promise<void> {
    if (command.wgsl !== undefined) this.sources.set(command.key, command.wgsl);
    const pipeline = this.pipelines.get(command.key) ?? (await this.compile(command.key));
    let output = this.buffers.get(command.output);
    if (!output) {
      output = this.data.acquire(command.outputBytes);
      this.buffers.set(command.output, output);
    }
    const entries: GPUBindGroupEntry[] = command.inputs.map((id, binding) => ({ binding, resource: { buffer: this.buffer(id) } }));
    entries.push({ binding: entries.length, resource: { buffer: output } });
    entries.push({ binding: entries.length, resource: { buffer: this.paramsBuffer(command.params) } });
    const bindGroup = this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    this.encoder ??= this.device.createCommandEncoder();
    const pass = this.encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(...command.workgroups);
    pass.end();
    if (++this.passes >= MAX_PASSES_PER_SUBMIT) this.flush();
  }

  private async compile(key: string): Promise<GPUComputePipeline> {
    const code = this.sources.get(key);
    if (code === undefined) throw new Error(`kernel '${key}' was dispatched before its WGSL source arrived (a bug in the proxy backend).`);
    const module = this.device.createShaderModule({ code, label: key });
    try {
      const pipeline = await this.device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: key });
      this.pipelines.set(key, pipeline);
      return pipeline;
    } catch (e) {
      const info = await module.getCompilationInfo();
      const details = info.messages.map((m) => `${m.type} at line ${m.lineNum}:${m.linePos}: ${m.message}`).join('\n');
      throw new Error(`kernel '${key}' does not compile: ${(e as Error).message}${details ? `\n${details}` : ''}`);
    }
  }

  private buffer(id: number): GPUBuffer {
    const buffer = this.buffers.get(id);
    if (!buffer) throw new Error(`storage #${id} is not on the GPU (freed, or never uploaded).`);
    return buffer;
  }

  /** Param buffers are immutable and keyed by content, so they never need a queue write. */
  private paramsBuffer(words: Uint32Array): GPUBuffer {
    const key = words.join(',');
    const cached = this.params.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.params.delete(key);
      this.params.set(key, cached);
      return cached;
    }
    const size = Math.max(16, Math.ceil((words.length * 4) / 16) * 16);
    const buffer = this.device.createBuffer({ size, usage: GPUBufferUsage.STORAGE, mappedAtCreation: true });
    new Uint32Array(buffer.getMappedRange()).set(words);
    buffer.unmap();
    if (this.params.size >= MAX_CACHED_PARAMS) {
      this.flush();
      const [oldestKey, oldest] = this.params.entries().next().value as [string, GPUBuffer];
      this.params.delete(oldestKey);
      oldest.destroy();
    }
    this.params.set(key, buffer);
    return buffer;
  }

  private flush(): void {
    if (!this.encoder) return;
    this.device.queue.submit([this.encoder.finish()]);
    this.encoder = undefined;
    this.passes = 0;
  }

  private async read(id: number, bytes: number, target: SharedArrayBuffer, ticket: number): Promise<void> {
    const source = this.buffer(id);
    this.flush();
    const staging = this.staging.acquire(bytes);
    try {
      const encoder = this.device.createCommandEncoder();
      encoder.copyBufferToBuffer(source, 0, staging, 0, Math.ceil(bytes / 4) * 4);
      this.device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ, 0, staging.size);
      new Uint8Array(target, 0, bytes).set(new Uint8Array(staging.getMappedRange(0, staging.size), 0, bytes));
      staging.unmap();
    } finally {
      this.staging.release(staging)?.destroy();
    }
    this.channel.ring(ticket);
  }
}
