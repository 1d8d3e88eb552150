import { makeTensor, record } from '../../autograd/record.js';
import { normalizeDim } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { tensor } from '../creation.js';
import { expand } from '../shape/expand.js';
import { reshape } from '../shape/reshape.js';
import { toDevice } from '../convert.js';
import { checkIndex, gather, scatterAdd } from './gather.js';

/** Slices along dim picked by index (torch.index_select): x.indexSelect(0, batchRows). */
export function indexSelect(x: Tensor, dim: number, index: Tensor | ArrayLike<number>): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'indexSelect');
  const idx = toDevice(index instanceof Tensor ? index : tensor(Int32Array.from(index)), x.device);
  if (idx.ndim !== 1) throw new RangeError(`indexSelect: the index must be 1-D, got ${idx.ndim} dims.`);
  checkIndex(idx, 'indexSelect');
  const k = idx.shape[0];
  const outShape = x.shape.map((d, i) => (i === axis ? k : d));
  // gather's form of the same selection: the index broadcast to the output's shape
  const expanded = () => expand(reshape(idx, x.shape.map((_, i) => (i === axis ? k : 1))), outShape);
  if (!x.backend.indexSelect) return gather(x, axis, expanded());
  const storage = x.backend.indexSelect(x.storage, x.shape, axis, idx.storage, k, x.dtype);
  const out = makeTensor(storage, outShape, x.dtype, x.device);
  return record(out, 'indexSelect', [x], (g) => [scatterAdd(x.shape, axis, expanded(), g)], [idx]);
}
