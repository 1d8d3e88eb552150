export { Value, sum, zeroGrad, topologicalOrder } from './value.js';
