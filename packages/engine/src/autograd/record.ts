import type { Storage } from '../backend/backend.js';
import type { DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { isGradEnabled } from './grad-mode.js';
import { Node, type BackwardFn } from './node.js';

/** Wraps a backend result as a tensor (no graph yet). */
export function makeTensor(storage: Storage, shape: readonly number[], dtype: DType, device: string): Tensor {
  return new Tensor(storage, shape, dtype, device);
}

/**
 * Attaches `out` to the graph if gradients are on and any input needs one. `saved` lists the
 * tensors the backward closure reads, so an in-place change to one of them is reported.
 */
export function record(out: Tensor, name: string, inputs: readonly Tensor[], backward: BackwardFn, saved: readonly Tensor[] = []): Tensor {
  if (!isGradEnabled() || !inputs.some((t) => t.requiresGrad)) return out;
  out.requiresGrad = true;
  out.gradFn = new Node(name, inputs, backward, saved);
  return out;
}
