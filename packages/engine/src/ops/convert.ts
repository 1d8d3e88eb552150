import { getBackend } from '../backend/registry.js';
import { makeTensor, record } from '../autograd/record.js';
import { isDType, isFloatDType, type DType } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { contiguousStrides } from '../tensor/shape.js';

/** The same values in another dtype; gradients flow back cast to the original dtype. */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (!isDType(dtype)) throw new TypeError(`cast: unknown dtype '${String(dtype)}'. Use 'float32', 'float64' or 'int32'.`);
  if (x.dtype === dtype) return x;
  if (!x.backend.supportedDTypes.includes(dtype)) {
    throw new TypeError(`cast: device '${x.device}' does not support ${dtype} (it supports ${x.backend.supportedDTypes.join(', ')}).`);
  }
  const out = makeTensor(x.backend.cast(x.storage, x.dtype, dtype, x.numel()), x.shape, dtype, x.device);
  if (!isFloatDType(dtype)) return out;
  return record(out, 'cast', [x], (g) => [cast(g, x.dtype)]);
}

/** A copy on another device; gradients flow back to the original device. */
export function toDevice(x: Tensor, device: string): Tensor {
  if (typeof device !== 'string') throw new TypeError(`to: expected a device name or dtype string, got ${typeof device}.`);
  if (x.device === device) return x;
  const target = getBackend(device);
  if (!target.supportedDTypes.includes(x.dtype)) {
    throw new TypeError(
      `to('${device}'): a ${x.dtype} tensor cannot live on '${device}', which supports only ${target.supportedDTypes.join(', ')}. ` +
        `Convert it first, e.g. .float().to('${device}').`,
    );
  }
  const values = x.toTypedArray();
  const out = makeTensor(target.fromTypedArray(values), x.shape, x.dtype, device);
  return record(out, 'to', [x], (g) => [toDevice(g, x.device)]);
}

/** A copy with its own storage, in the graph (gradient passes through unchanged). */
export function clone(x: Tensor): Tensor {
  const storage = x.backend.strided(x.storage, x.shape, contiguousStrides(x.shape), 0, x.dtype);
  const out = makeTensor(storage, x.shape, x.dtype, x.device);
  return record(out, 'clone', [x], (g) => [g]);
}
