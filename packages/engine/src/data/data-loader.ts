import type { Tensor } from '../tensor/tensor.js';
import { Generator, resolveGenerator } from '../random/generator.js';
import { TensorDataset } from './tensor-dataset.js';

export interface DataLoaderOptions {
  /** Rows per batch (torch's default is 1). */
  batchSize?: number;
  /** Reshuffle the rows at the start of every epoch. */
  shuffle?: boolean;
  /** Drop the last batch if it is smaller than batchSize. */
  dropLast?: boolean;
  /** The shuffling order: a Generator or seed (the global generator when omitted). */
  generator?: Generator | number;
}

/**
 * Batches of a TensorDataset (torch.utils.data.DataLoader for in-memory tensors). Iterating it
 * is one epoch; with shuffle each epoch draws a new order from the generator, so a seeded
 * loader gives the same sequence of epochs in every run.
 */
export class DataLoader implements Iterable<Tensor[]> {
  readonly dataset: TensorDataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  private readonly generator: Generator;

  constructor(dataset: TensorDataset | Tensor[], options: DataLoaderOptions = {}) {
    this.dataset = dataset instanceof TensorDataset ? dataset : new TensorDataset(...dataset);
    this.batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(this.batchSize) || this.batchSize <= 0) {
      throw new RangeError(`DataLoader: batchSize must be a positive integer, got ${options.batchSize}.`);
    }
    this.shuffle = options.shuffle ?? false;
    this.dropLast = options.dropLast ?? false;
    this.generator = resolveGenerator(options.generator);
  }

  /** Number of batches per epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  *[Symbol.iterator](): Iterator<Tensor[]> {
    const n = this.dataset.length;
    const order = this.shuffle ? this.generator.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
    for (let b = 0; b < this.length; b++) {
      yield this.dataset.rows(order.subarray(b * this.batchSize, Math.min(n, (b + 1) * this.batchSize)));
    }
  }
}
