/// <reference types="@webgpu/types" />
/**
 * The GPU thread in a browser: a nested dedicated Web Worker that owns the WebGPU device
 * (navigator.gpu) and runs the commands the engine's worker posts — the same executor as the
 * Node worker thread.
 */
import { ControlChannel } from '../src/backend/webgpu/control-channel.js';
import { openDevice } from '../src/backend/webgpu/open-device.js';
import { GpuExecutor } from '../src/backend/webgpu/gpu-executor.js';
import { STARTUP_TICKET, type Command, type StartMessage } from '../src/backend/webgpu/protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  navigator: { gpu?: GPU };
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { control } = event.data as StartMessage;
  const channel = new ControlChannel(control);
  const gpu = scope.navigator.gpu;
  const opened = gpu
    ? openDevice(gpu, channel, false)
    : Promise.reject(new Error('this browser has no WebGPU (navigator.gpu): use a recent Chrome, or start chromium with --enable-unsafe-webgpu.'));
  opened
    .then((device) => {
      const executor = new GpuExecutor(device, channel);
      scope.onmessage = (message) => executor.enqueue(message.data as Command);
    })
    .catch((e: unknown) => channel.fail((e as Error).message ?? String(e), true))
    .finally(() => channel.ring(STARTUP_TICKET));
};
