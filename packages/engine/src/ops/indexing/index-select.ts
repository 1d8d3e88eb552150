import { normalizeDim } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { tensor } from '../creation.js';
import { expand } from '../shape/expand.js';
import { reshape } from '../shape/reshape.js';
import { toDevice } from '../convert.js';
import { gather } from './gather.js';

/** Slices along dim picked by index (torch.index_select): x.indexSelect(0, batchRows). */
export function indexSelect(x: Tensor, dim: number, index: Tensor | ArrayLike<number>): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'indexSelect');
  const idx = index instanceof Tensor ? index : tensor(Int32Array.from(index));
  if (idx.ndim !== 1) throw new RangeError(`indexSelect: the index must be 1-D, got ${idx.ndim} dims.`);
  const k = idx.shape[0];
  const viewShape = x.shape.map((_, i) => (i === axis ? k : 1));
  const outShape = x.shape.map((d, i) => (i === axis ? k : d));
  const full = expand(reshape(toDevice(idx, x.device), viewShape), outShape);
  return gather(x, axis, full);
}
