/**
 * @dlcourse/engine — the course's reference deep-learning engine.
 * Names follow PyTorch in camelCase: tensor, zeros, randn, noGrad, nn.Linear, optim.Adam, …
 */
import { registerBackend } from './backend/registry.js';
import { cpuBackend } from './backend/cpu/cpu-backend.js';
import { webgpuBackend } from './backend/webgpu/index.js';

registerBackend(cpuBackend);
// Lazy: nothing starts until a tensor is first placed on 'webgpu'.
registerBackend(webgpuBackend);

export { Tensor, type TensorLike, type DimArg } from './tensor/tensor.js';
export type { DType, TypedArray } from './tensor/dtype.js';
export { ShapeError } from './tensor/shape.js';
export * from './ops/index.js';
export { noGrad, enableGrad, isGradEnabled } from './autograd/grad-mode.js';
export { Generator, manualSeed, defaultGenerator } from './random/generator.js';
export { registerBackend, getBackend, availableDevices, markBackendUnavailable } from './backend/registry.js';
export type { Backend } from './backend/backend.js';
export { cpuMatmulKernel, type CpuMatmulKernel } from './backend/cpu/matmul-cpu.js';
export { webgpuBackend, WebGpuUnavailableError, useSwiftShaderUnlessDriverChosen, type WebGpuBackend, type AdapterInfo, type GpuMemoryStats } from './backend/webgpu/index.js';
export * from './nn/index.js';
export * as nn from './nn/index.js';
export * from './optim/index.js';
export * as optim from './optim/index.js';
export * from './data/index.js';
export * as data from './data/index.js';
export { plotLosses, buildLossesSvg, type PlotLossesOptions, type PlotLossesResult, type PlotSeries } from './plot/index.js';
export { progressBar, isCI, type ProgressBar, type ProgressBarOptions, type ProgressPayload } from './utils/progress.js';
export { resolveCacheDir } from './data/notmnist/cache-dir.js';
