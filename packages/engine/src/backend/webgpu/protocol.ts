/**
 * The messages between the calling thread (the proxy backend) and the GPU thread, and the
 * layout of the shared control buffer both sides use to wake each other.
 *
 * Commands flow one way (postMessage, no reply) except `read`, `stats` and start-up, whose
 * answers are written into shared memory while the calling thread blocks in Atomics.wait:
 * the engine's API stays synchronous although WebGPU's read-back is asynchronous.
 */

/** A compiled kernel, dispatched once: buffer ids bound in order (inputs, then the output), then the params. */
export interface RunCommand {
  type: 'run';
  /** Names the WGSL source; the GPU thread caches shader module and pipeline under it. */
  key: string;
  /** The source, sent only the first time a key is used. */
  wgsl?: string;
  inputs: number[];
  output: number;
  outputBytes: number;
  /** u32 words bound as a read-only storage buffer after the output. */
  params: Uint32Array;
  workgroups: [number, number, number];
}

export type Command =
  | { type: 'upload'; id: number; data: ArrayBuffer }
  | { type: 'alloc'; id: number; bytes: number }
  | RunCommand
  | { type: 'read'; id: number; bytes: number; target: SharedArrayBuffer; ticket: number }
  | { type: 'stats'; target: SharedArrayBuffer; ticket: number }
  | { type: 'free'; id: number };

/** Sent once to start the GPU thread. */
export interface StartMessage {
  control: SharedArrayBuffer;
}

// ---- the control buffer: Int32 slots, then the text of the pending error --------------------

/** The ticket of the last answered request (start-up is ticket 1); Atomics.wait sleeps on it. */
export const SLOT_ANSWERED = 0;
/** 0: no error; 1: an error the calling thread has not yet reported; 2: fatal (device lost, start-up failed). */
export const SLOT_ERROR = 1;
/** Byte length of the error text that follows the slots. */
export const SLOT_ERROR_LENGTH = 2;
export const ERROR_TEXT_OFFSET = 16;
export const ERROR_TEXT_CAPACITY = 16 * 1024;
export const CONTROL_BYTES = ERROR_TEXT_OFFSET + ERROR_TEXT_CAPACITY;

export const ERROR_NONE = 0;
export const ERROR_PENDING = 1;
export const ERROR_FATAL = 2;

/** The ticket start-up answers with; requests count up from the next one. */
export const STARTUP_TICKET = 1;

/** Statistics answered into a `stats` target: Float64 slots in this order. */
export const STATS_FIELDS = ['liveBuffers', 'liveBytes', 'pooledBuffers', 'pooledBytes', 'pipelines'] as const;
export type GpuMemoryStats = Record<(typeof STATS_FIELDS)[number], number>;

/** Adapter description written at start-up into the error-text area (as JSON), read once. */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}
