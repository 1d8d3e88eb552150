// Mistake: the layers are initialised from the global generator, not the one given: not reproducible.
import { Linear, ReLU, Sequential, type Generator, type Module } from '@dlcourse/engine';
export * from '../../../solutions/exercise-5/src/index.js';

export function buildModel(_generator: Generator): Module {
  return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
}
