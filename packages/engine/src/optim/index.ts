/** Optimizers (PyTorch 1.13 semantics, the lecture's formulas beside them) and stopping criteria. */
export {
  Optimizer,
  type ParamGroup,
  type ParamGroupSpec,
  type ParamsArg,
  type ParamState,
  type StateValue,
  type OptimizerStateDict,
  type OptimizerSpec,
} from './optimizer.js';
export { SGD, type SGDOptions, type SGDState } from './sgd.js';
export { AdaGrad, type AdaGradOptions, type AdaGradState } from './adagrad.js';
export { RMSProp, type RMSPropOptions, type RMSPropState } from './rmsprop.js';
export { Adam, type AdamOptions, type AdamState } from './adam.js';
export * from './stopping/index.js';
