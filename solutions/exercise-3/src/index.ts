export { SGD, Momentum, AdaGrad, RMSProp, Adam } from './optimizers.js';
export type { Optimizer, SGDOptions, MomentumOptions, AdaGradOptions, RMSPropOptions, AdamOptions } from './optimizers.js';
export { minimize } from './minimize.js';
export type { StoppingCriteria, StopReason, MinimizeResult } from './minimize.js';
