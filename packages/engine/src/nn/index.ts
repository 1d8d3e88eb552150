/** torch.nn in camelCase: layers, losses, initialisers, serialisation. */
export { Module, type StateDict } from './module.js';
export { Parameter } from './parameter.js';
export { Linear, type LinearOptions } from './linear.js';
export { Sequential } from './sequential.js';
export { ReLU } from './activations/relu.js';
export { Sigmoid } from './activations/sigmoid.js';
export { Tanh } from './activations/tanh.js';
export { Softmax, LogSoftmax } from './activations/softmax.js';
export { mseLoss, MSELoss } from './losses/mse-loss.js';
export { crossEntropy, CrossEntropyLoss } from './losses/cross-entropy.js';
export { nllLoss, NLLLoss } from './losses/nll-loss.js';
export type { Reduction, LossOptions } from './losses/reduction.js';
export { linear } from './functional/linear.js';
export * as init from './init.js';
export { saveSafetensors, loadSafetensors } from './serialization/safetensors.js';
