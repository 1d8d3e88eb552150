import type { Tensor } from '../../tensor/tensor.js';
import { logSoftmax } from '../../ops/activation/softmax.js';
import { Module } from '../module.js';
import { checkFinite, type LossOptions } from './reduction.js';
import { checkClassTarget, nllLoss } from './nll-loss.js';

let warnedAboutProbabilities = false;

/**
 * Cross-entropy from raw scores (logits) and class indices: −log softmax(x)[y], computed as
 * nllLoss(logSoftmax(x)) so it stays finite for any magnitude of the logits.
 */
export function crossEntropy(logits: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  checkClassTarget(logits, target, 'crossEntropy');
  checkFinite(logits, 'the input (logits)', 'crossEntropy');
  if (!warnedAboutProbabilities && looksLikeProbabilities(logits)) {
    warnedAboutProbabilities = true;
    console.warn(
      'crossEntropy: every row of the input is in [0, 1] and sums to 1 — these look like probabilities (a Softmax output). ' +
        'crossEntropy expects raw scores (logits) and applies logSoftmax itself; remove the Softmax layer before it ' +
        '(keep softmax only to read probabilities at prediction time). Training still works, but more slowly and less accurately.',
    );
  }
  return nllLoss(logSoftmax(logits, 1), target, options);
}

function looksLikeProbabilities(x: Tensor): boolean {
  if (x.device !== 'cpu' || x.shape[1] < 2) return false;
  const values = x.toTypedArray();
  const [n, c] = x.shape;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < c; j++) {
      const v = values[i * c + j];
      if (v < 0 || v > 1) return false;
      rowSum += v;
    }
    if (Math.abs(rowSum - 1) > 1e-3) return false;
  }
  return n > 0;
}

/** torch.nn.CrossEntropyLoss. */
export class CrossEntropyLoss extends Module {
  constructor(readonly options: LossOptions = {}) {
    super();
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, this.options);
  }
}
