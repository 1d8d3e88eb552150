import { Tensor } from '../tensor/tensor.js';
import { formatShape } from '../tensor/shape.js';
import { trainTestSplitIndices, type TrainTestSplitOptions } from './split-indices.js';

/** As for trainTestSplitIndices, except that stratify may also be a tensor of labels. */
export interface TensorSplitOptions extends Omit<TrainTestSplitOptions, 'stratify'> {
  stratify?: Tensor | Int32Array | readonly number[];
}

/**
 * sklearn's train_test_split for tensors: the same rows go to train or test in every tensor.
 * Returns [aTrain, aTest, bTrain, bTest, …] in sklearn's order:
 *   const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed: 42 });
 */
export function trainTestSplit(tensors: readonly Tensor[], options: TensorSplitOptions): Tensor[] {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor)) {
    throw new TypeError('trainTestSplit: pass an array of tensors, e.g. trainTestSplit([x, y], { testSize: 0.2, seed: 42 }).');
  }
  const n = tensors[0].ndim > 0 ? tensors[0].shape[0] : 0;
  for (const t of tensors) {
    if (t.ndim === 0 || t.shape[0] !== n) {
      throw new RangeError(`trainTestSplit: all tensors need the same number of rows; got ${tensors.map((x) => formatShape(x.shape)).join(' and ')}.`);
    }
  }
  const stratify = options.stratify instanceof Tensor ? Int32Array.from(options.stratify.toTypedArray()) : options.stratify;
  const { train, test } = trainTestSplitIndices(n, { ...options, stratify });
  return tensors.flatMap((t) => [t.indexSelect(0, train), t.indexSelect(0, test)]);
}
