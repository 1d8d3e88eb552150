export { loadNotMNIST, CorruptArchiveError, NOTMNIST_CLASSES, NOTMNIST_HEIGHT, NOTMNIST_WIDTH, NOTMNIST_URL } from './notmnist/index.js';
export type { LoadNotMNISTOptions, NotMNISTDataset } from './notmnist/index.js';
export { LabelEncoder } from './label-encoder.js';
export { trainTestSplitIndices } from './split-indices.js';
export type { TrainTestSplit, TrainTestSplitOptions } from './split-indices.js';
export { TensorDataset } from './tensor-dataset.js';
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { trainTestSplit, type TensorSplitOptions } from './train-test-split.js';
export { loadDiabetes, DIABETES_FEATURES, DIABETES_SAMPLES, type DiabetesDataset, type LoadDiabetesOptions } from './diabetes/index.js';
