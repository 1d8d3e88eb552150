/**
 * Runs in a Web Worker of the test page (browser.test.ts): starts the webgpu device, trains
 * the small classifier on it and posts the losses (the test compares them with the CPU's).
 */
import { startWebGpu } from '../../../browser/engine.js';
import { trainSmall } from './train-small.js';

const scope = globalThis as unknown as { postMessage(message: unknown): void };

startWebGpu(new URL('./gpu-thread.js', import.meta.url))
  .then((backend) => scope.postMessage({ adapter: backend.adapterInfo(), webgpu: trainSmall('webgpu') }))
  .catch((e: unknown) => scope.postMessage({ error: (e as Error).stack ?? String(e) }));
