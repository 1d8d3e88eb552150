/**
 * The GPU thread in Node: a worker_threads worker that owns a Dawn device (the `webgpu`
 * package) and runs the commands the calling thread posts. Bundled by esbuild at start-up
 * (see start-gpu-thread-node.ts), so it imports only what the bundle can inline; `webgpu` is
 * loaded from the path the calling thread resolved.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ControlChannel } from './control-channel.js';
import { openDevice } from './open-device.js';
import { GpuExecutor } from './gpu-executor.js';
import { STARTUP_TICKET, type Command } from './protocol.js';

interface NodeGpuThreadData {
  control: SharedArrayBuffer;
  webgpuUrl: string;
  /** Dawn toggles/options for create(), e.g. ['backend=opengles'] (from DLCOURSE_WEBGPU_OPTIONS). */
  dawnOptions: string[];
}

const { control, webgpuUrl, dawnOptions } = workerData as NodeGpuThreadData;
const channel = new ControlChannel(control);
/** Dawn's GPU object must stay reachable for the whole run, or the process crashes. */
let keepAlive: unknown;

async function start(): Promise<void> {
  const { create, globals } = (await import(webgpuUrl)) as typeof import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create(dawnOptions);
  keepAlive = gpu;
  const compatibility = dawnOptions.some((o) => o.includes('opengles'));
  const device = await openDevice(gpu, channel, compatibility);
  const executor = new GpuExecutor(device, channel);
  parentPort!.on('message', (command: Command) => executor.enqueue(command));
}

start()
  .catch((e: unknown) => channel.fail((e as Error).message ?? String(e), true))
  .finally(() => channel.ring(STARTUP_TICKET));
void keepAlive;
