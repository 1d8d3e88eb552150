import { makeTensor, record } from '../../autograd/record.js';
import { promoteTypes } from '../../tensor/dtype.js';
import { formatShape, normalizeDim } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { cast } from '../convert.js';
import { unsqueeze } from '../shape/squeeze.js';
import { narrow } from './narrow.js';

/** Joins tensors along an existing dim (torch.cat). */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  checkTensorList(tensors, 'cat');
  const first = tensors[0];
  const axis = normalizeDim(dim, first.ndim, 'cat');
  for (const t of tensors) {
    if (t.device !== first.device) throw new Error(`cat: all tensors must be on one device; found '${first.device}' and '${t.device}'.`);
    if (t.ndim !== first.ndim || t.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      throw new RangeError(`cat: shapes ${formatShape(first.shape)} and ${formatShape(t.shape)} differ outside dim ${dim}.`);
    }
  }
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  const inputs = tensors.map((t) => cast(t, dtype));
  const storage = first.backend.concat(inputs.map((t) => t.storage), inputs.map((t) => t.shape), axis, dtype);
  const outShape = first.shape.map((d, i) => (i === axis ? inputs.reduce((s, t) => s + t.shape[axis], 0) : d));
  const out = makeTensor(storage, outShape, dtype, first.device);
  return record(out, 'cat', inputs, (g) => {
    let offset = 0;
    return inputs.map((t) => {
      const part = narrow(g, axis, offset, t.shape[axis]);
      offset += t.shape[axis];
      return part;
    });
  });
}

/** Joins tensors of one shape along a new dim (torch.stack). */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  checkTensorList(tensors, 'stack');
  const axis = normalizeDim(dim, tensors[0].ndim + 1, 'stack');
  for (const t of tensors) {
    if (t.ndim !== tensors[0].ndim || t.shape.some((d, i) => d !== tensors[0].shape[i])) {
      throw new RangeError(`stack: all tensors must have one shape; found ${formatShape(tensors[0].shape)} and ${formatShape(t.shape)}.`);
    }
  }
  return cat(tensors.map((t) => unsqueeze(t, axis)), axis);
}

function checkTensorList(tensors: unknown, op: string): void {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor)) {
    throw new TypeError(`${op}: expects a non-empty array of tensors.`);
  }
}
