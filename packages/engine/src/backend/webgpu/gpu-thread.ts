import type { Command } from './protocol.js';
import type { ControlChannel } from './control-channel.js';

/**
 * The calling thread's view of a started GPU thread, whatever runs it (a Node worker thread,
 * a nested Web Worker): a way to post commands and the shared control channel.
 */
export interface GpuThread {
  post(command: Command, transfer?: ArrayBuffer[]): void;
  readonly channel: ControlChannel;
}

/** Starts a GPU thread; returns before it is ready (the proxy blocks on the start-up ticket). */
export type StartGpuThread = (channel: ControlChannel) => GpuThread;
