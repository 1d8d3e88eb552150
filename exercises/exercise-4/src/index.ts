export { Value, sum, zeroGrad } from './value.js';
