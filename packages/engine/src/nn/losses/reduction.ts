import type { Tensor } from '../../tensor/tensor.js';
import { mean } from '../../ops/reduce/mean.js';
import { sum } from '../../ops/reduce/sum.js';

export type Reduction = 'mean' | 'sum' | 'none';

export interface LossOptions {
  reduction?: Reduction;
}

export function reduce(values: Tensor, reduction: Reduction | undefined, op: string): Tensor {
  switch (reduction ?? 'mean') {
    case 'mean':
      return mean(values);
    case 'sum':
      return sum(values);
    case 'none':
      return values;
    default:
      throw new RangeError(`${op}: reduction must be 'mean', 'sum' or 'none', got '${String(reduction)}'.`);
  }
}

/**
 * Stops training at the first non-finite loss input with a message that says where it came
 * from, instead of letting NaN spread silently through every parameter. CPU only: on a GPU
 * the check would force a read-back each step.
 */
export function checkFinite(t: Tensor, what: string, op: string): void {
  if (t.device !== 'cpu') return;
  const values = t.toTypedArray();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(
        `${op}: ${what} contains ${values[i]} at flat index ${i} (shape [${t.shape.join(', ')}]). ` +
          `Usually the model diverged: lower the learning rate, check the inputs for NaN or missing values, and normalise the features.`,
      );
    }
  }
}
