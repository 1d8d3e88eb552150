export { standardize } from './standardize.js';
export type { Standardized } from './standardize.js';
export { buildModel, predict } from './model.js';
export { trainRegression } from './train.js';
export type { TrainOptions } from './train.js';
export { r2Score } from './metrics.js';
