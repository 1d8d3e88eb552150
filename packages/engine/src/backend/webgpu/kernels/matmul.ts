import type { MatmulSpec } from '../../backend.js';
import type { DType } from '../../../tensor/dtype.js';
import type { AdapterInfo } from '../protocol.js';
import type { KernelLaunch } from './kernel.js';
import { matmulTiledKernel } from './matmul-tiled.js';
import { matmulDirectKernel } from './matmul-direct.js';

export type MatmulVariant = 'tiled' | 'direct';

/** CPU-emulated adapters, recognised by their names. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|cpu/i;

/**
 * The matmul for this adapter: workgroup-memory tiling on GPUs, the direct kernel on software
 * adapters. DLCOURSE_WEBGPU_MATMUL=tiled|direct forces one (to test or compare both).
 */
export function chooseMatmul(adapter: AdapterInfo, forced: string | undefined): MatmulVariant {
  if (forced === 'tiled' || forced === 'direct') return forced;
  if (forced !== undefined && forced !== '') throw new Error(`DLCOURSE_WEBGPU_MATMUL must be 'tiled' or 'direct', got '${forced}'.`);
  const name = `${adapter.vendor} ${adapter.architecture} ${adapter.description}`;
  return SOFTWARE_ADAPTER.test(name) ? 'direct' : 'tiled';
}

export function matmulKernel(variant: MatmulVariant, spec: MatmulSpec, dtype: DType): KernelLaunch {
  return variant === 'tiled' ? matmulTiledKernel(spec, dtype) : matmulDirectKernel(spec, dtype);
}
