import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GpuThread } from './gpu-thread.js';
import type { ControlChannel } from './control-channel.js';

const require = createRequire(import.meta.url);

/**
 * Starts the GPU thread as a worker_threads worker. The engine has no build step, so the
 * thread's TypeScript is bundled here with esbuild (a few tens of ms, once per process); the
 * worker is unref'd so that it never keeps the process alive.
 */
export function startGpuThreadNode(channel: ControlChannel): GpuThread {
  const webgpuUrl = pathToFileURL(resolveWebgpu()).href;
  const esbuild = require('esbuild') as typeof import('esbuild');
  const entry = fileURLToPath(new URL('./gpu-thread-node.ts', import.meta.url));
  const code = esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false }).outputFiles[0].text;
  const dawnOptions = (process.env.DLCOURSE_WEBGPU_OPTIONS ?? '')
    .split(/[,\s]+/)
    .filter((o) => o !== '');
  const worker = new Worker(code, {
    eval: true,
    workerData: { control: channel.buffer, webgpuUrl, dawnOptions },
  });
  worker.unref();
  worker.on('error', (e) => channel.fail(`the GPU thread stopped: ${e.message}`, true));
  return {
    channel,
    post: (command, transfer) => worker.postMessage(command, transfer ?? []),
  };
}

function resolveWebgpu(): string {
  try {
    return require.resolve('webgpu');
  } catch {
    throw new Error("the 'webgpu' npm package (Dawn for Node) is not installed. Run `npm install` (it is an optional dependency of @dlcourse/engine).");
  }
}
