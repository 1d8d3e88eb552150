import fc from 'fast-check';
import type { Tensor } from '@dlcourse/engine';
import { tensorOf, type ValueOptions } from './tensors.js';

export interface LayerCase {
  /** Inputs, one row per sample: [N, D]. */
  x: Tensor;
  /** Weights as in the lecture, X·W: [D, M]. */
  w: Tensor;
  /** Bias: [M]. */
  b: Tensor;
  /** Upstream gradient dL/dY: [N, M]. */
  dY: Tensor;
}

export interface LayerSizes {
  maxN?: number;
  maxD?: number;
  maxM?: number;
}

/** A matched (X, W, b, dY) for a fully connected layer Y = X·W + b, sizes drawn at random. */
export function layerCase(sizes: LayerSizes = {}, values: ValueOptions = {}): fc.Arbitrary<LayerCase> {
  const { maxN = 6, maxD = 6, maxM = 5 } = sizes;
  return fc
    .record({ n: fc.integer({ min: 1, max: maxN }), d: fc.integer({ min: 1, max: maxD }), m: fc.integer({ min: 1, max: maxM }) })
    .chain(({ n, d, m }) =>
      fc.record({ x: tensorOf([n, d], values), w: tensorOf([d, m], values), b: tensorOf([m], values), dY: tensorOf([n, m], values) }),
    );
}
