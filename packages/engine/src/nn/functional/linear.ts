import type { Tensor } from '../../tensor/tensor.js';
import { formatShape } from '../../tensor/shape.js';
import { bmm, bmmAddBias } from '../../ops/matmul.js';
import { reshape } from '../../ops/shape/reshape.js';
import { add } from '../../ops/binary/add.js';

/**
 * y = x·Wᵀ + b with W shaped [out, in] as in torch. W is read transposed by the matmul kernel
 * rather than copied, in the forward and in both backward products.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  const [outFeatures, inFeatures] = weight.shape;
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inFeatures) {
    throw new RangeError(
      `linear: input of shape ${formatShape(x.shape)} does not fit a layer with in_features=${inFeatures} ` +
        `(weight ${formatShape(weight.shape)}): the last dim of the input must be ${inFeatures}. ` +
        (x.ndim >= 2 && x.shape.slice(1).reduce((a, b) => a * b, 1) === inFeatures ? 'Flatten the input first: x.reshape(x.shape[0], -1).' : ''),
    );
  }
  if (x.dtype !== weight.dtype) {
    throw new TypeError(`linear: input is ${x.dtype} but the layer's weights are ${weight.dtype}. Convert one: x.to('${weight.dtype}') or model.to('${x.dtype}').`);
  }
  if (x.device !== weight.device) {
    throw new Error(`linear: input is on '${x.device}' but the layer is on '${weight.device}'. Move them together: x.to('${weight.device}') or model.to('${x.device}').`);
  }
  const lead = x.shape.slice(0, -1);
  const rows = lead.reduce((a, b) => a * b, 1);
  const x3 = reshape(x, [1, rows, inFeatures]);
  const w3 = reshape(weight, [1, outFeatures, inFeatures]);
  // One pass where the backend can add the bias as it stores the product (the same bits).
  const fused = bias && bias.ndim === 1 && bias.shape[0] === outFeatures && bias.dtype === weight.dtype && bias.device === weight.device && x.backend.matmulAddBias;
  if (fused) return reshape(bmmAddBias(x3, w3, bias, false, true), [...lead, outFeatures]);
  const y = reshape(bmm(x3, w3, false, true), [...lead, outFeatures]);
  return bias ? add(y, bias) : y;
}
