export { loadDiabetes, DIABETES_FEATURES, DIABETES_SAMPLES } from './load-diabetes.js';
export type { DiabetesDataset, LoadDiabetesOptions } from './load-diabetes.js';
