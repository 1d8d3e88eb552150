export { type StoppingCriterion, type StoppingInfo, type StopDecision } from './criterion.js';
export { MaxIterations } from './max-iterations.js';
export { ParameterChangeBelow, type ParameterNorm } from './parameter-change-below.js';
export { LossBelow } from './loss-below.js';
export { Divergence, type DivergenceOptions } from './divergence.js';
export { anyOf, allOf } from './combine.js';
export { StoppingState } from './stopping-state.js';
