import type { Text } from '@dlcourse/grading';
import { TRAINING_BUDGET_S } from '../thresholds.js';

/** Why a model that ends in Softmax trains badly with crossEntropy (items 5.7, 5.10, 5.11). */
export const LOGITS_HINT: Text = {
  en:
    'the model outputs probabilities (every row sums to 1): it ends with Softmax. crossEntropy applies logSoftmax itself, ' +
    'so it wants raw scores (logits); softmax before it squashes the gradients (the lesson notebook does this and reaches ' +
    'only 0.897). Remove the Softmax layer; use softmax only to read probabilities after training — README §5.4.',
  ru:
    'модель выдаёт вероятности (каждая строка в сумме 1): в конце стоит Softmax. crossEntropy сама применяет logSoftmax ' +
    'и ждёт сырые оценки (логиты); softmax перед ней гасит градиенты (так сделано в ноутбуке урока — всего 0,897). ' +
    'Уберите слой Softmax; softmax нужен только чтобы прочитать вероятности после обучения — README §5.4.',
};

/** What training on the real notMNIST gave: measured in the student's process, the accuracy where the labels are. */
export interface Measured {
  accuracy: number;
  seconds: number;
  /** The model's output rows are probabilities (a Softmax at the end). */
  probabilities: boolean;
  nTest: number;
  nTrain: number;
}

/**
 * The verdict of an accuracy item (5.10 or 5.11): null when it is earned, else the problem and
 * a detail for the student. One function for the local run (dlgrade, labels in the worker) and
 * batch grading's trusted judge (held-out.ts).
 */
export function accuracyVerdict(m: Measured, threshold: number, language: (text: Text) => string): { problem: string; detail?: string } | null {
  const measured = `test accuracy ${m.accuracy.toFixed(4)} on ${m.nTest} held-out images after ${m.seconds.toFixed(1)} s of buildModel + train on ${m.nTrain}`;
  if (m.seconds > TRAINING_BUDGET_S) return { problem: `${measured}: more than the budget of ${TRAINING_BUDGET_S} s (fewer epochs or a smaller model).` };
  if (!(m.accuracy >= threshold)) {
    return {
      problem: `${measured}: below ${threshold}.`,
      detail: m.probabilities ? language(LOGITS_HINT) : 'references on this split: logistic regression 0.871, 784→256 ReLU→10 with Adam 1e-3, batch 128, 10 epochs 0.917.',
    };
  }
  return null;
}
