/**
 * The engine for browsers (bundled with esbuild, see build.ts): tensors, autograd, nn, optim
 * and the cpu device; the webgpu device joins with `await startWebGpu(url)`. The Node-only
 * parts (data loaders, plots, progress bars) are left out.
 */
import { registerBackend } from '../src/backend/registry.js';
import { cpuBackend } from '../src/backend/cpu/cpu-backend.js';

registerBackend(cpuBackend);

export { Tensor } from '../src/tensor/tensor.js';
export * from '../src/ops/index.js';
export { noGrad, enableGrad, isGradEnabled } from '../src/autograd/grad-mode.js';
export { Generator, manualSeed } from '../src/random/generator.js';
export { getBackend, availableDevices } from '../src/backend/registry.js';
export * from '../src/nn/index.js';
export * from '../src/optim/index.js';
export { startWebGpu } from './webgpu-browser.js';
