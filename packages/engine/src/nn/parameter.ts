import { Tensor } from '../tensor/tensor.js';

/**
 * A tensor a Module owns and an optimizer updates (torch.nn.Parameter). It shares the given
 * tensor's storage and always requires grad unless told otherwise.
 */
export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    super(data.storage, data.shape, data.dtype, data.device);
    if (requiresGrad) this.requiresGrad = true;
  }
}
