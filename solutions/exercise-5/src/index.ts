export { readImages, encodeLabels, splitData } from './data.js';
export type { Images, EncodedLabels, Splits } from './data.js';
export { buildModel, train, accuracy } from './model.js';
export type { TrainOptions } from './model.js';
