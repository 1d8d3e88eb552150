import type { DType } from '../../tensor/dtype.js';

/**
 * A tensor's storage on the webgpu device as the calling thread sees it: a name for a buffer
 * that lives on the GPU thread. Made synchronously, so ops never wait for the GPU.
 */
export class GpuStorage {
  constructor(
    readonly id: number,
    readonly size: number,
    readonly dtype: DType,
    /**
     * The values of an int32 storage uploaded from the host (class labels, indices), kept so
     * that gather/scatterAdd can check bounds without a round trip to the GPU.
     */
    readonly hostIndices?: Int32Array,
  ) {}

  get bytes(): number {
    return this.size * 4;
  }
}
