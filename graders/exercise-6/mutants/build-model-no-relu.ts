// Mistake: no ReLU between the layers: Linear ∘ Linear is one linear map, the hidden layer adds nothing.
import { Linear, Sequential, type Generator, type Module } from '@dlcourse/engine';
export * from '../../../solutions/exercise-6/src/index.js';

export function buildModel(inFeatures: number, hidden: number, generator: Generator): Module {
  return new Sequential(new Linear(inFeatures, hidden, { generator }), new Linear(hidden, 1, { generator }));
}
