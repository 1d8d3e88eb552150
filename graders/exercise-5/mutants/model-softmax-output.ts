// Mistake: the lesson notebook's model, ending with Softmax, so crossEntropy gets probabilities.
import { Linear, ReLU, Sequential, Softmax, type Generator, type Module } from '@dlcourse/engine';
export * from '../../../solutions/exercise-5/src/index.js';

export function buildModel(generator: Generator): Module {
  return new Sequential(new Linear(784, 256, { generator }), new ReLU(), new Linear(256, 10, { generator }), new Softmax(1));
}
