import { createWebGpuBackend } from './webgpu-backend.js';
import { startGpuThreadNode } from './start-gpu-thread-node.js';
import { synchronousRegistry } from './collectable-registry-node.js';

export { createWebGpuBackend, WebGpuUnavailableError, WEBGPU_DEVICE, type WebGpuBackend, type WebGpuEnvironment } from './webgpu-backend.js';
export type { AdapterInfo, GpuMemoryStats } from './protocol.js';

/** The engine's GPU device in Node: Dawn in a worker thread, started on first use. */
export const webgpuBackend = createWebGpuBackend({ startThread: startGpuThreadNode, newRegistry: synchronousRegistry });
export { useSwiftShaderUnlessDriverChosen, SWIFTSHADER_ICD } from './software-driver.js';
