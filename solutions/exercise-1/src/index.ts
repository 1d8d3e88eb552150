export { sigmoid, sigmoidBackward, tanh, tanhBackward, relu, reluBackward, softmax, softmaxBackward } from './activations.js';
