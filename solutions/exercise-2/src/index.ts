export { linearForward, linearBackward, collapseLinear } from './linear.js';
export { mseLoss, mseBackward } from './mse.js';
export { twoLayerForward, twoLayerBackward } from './two-layer.js';
