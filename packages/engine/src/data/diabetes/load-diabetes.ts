import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { tensor } from '../../ops/creation.js';
import type { Tensor } from '../../tensor/tensor.js';

/** The ten raw features, in the order of the file's columns (scikit-learn's feature_names). */
export const DIABETES_FEATURES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'] as const;
/** Patients in the data. */
export const DIABETES_SAMPLES = 442;

const DATA_FILE = 'diabetes_data_raw.csv.gz';
const TARGET_FILE = 'diabetes_target.csv.gz';
/** packages/engine/data/diabetes, from packages/engine/src/data/diabetes. */
const DEFAULT_DIR = fileURLToPath(new URL('../../../data/diabetes/', import.meta.url));

export interface LoadDiabetesOptions {
  /** The folder holding diabetes_data_raw.csv.gz and diabetes_target.csv.gz (default: the copy in the engine). */
  dir?: string;
}

export interface DiabetesDataset {
  /** The raw (unscaled) features, [442, 10] float32: age, sex, bmi, bp, s1 … s6. */
  x: Tensor;
  /** Disease progression one year later, [442] float32 (25 … 346). */
  y: Tensor;
  featureNames: string[];
}

/**
 * The diabetes regression data of Efron, Hastie, Johnstone & Tibshirani, "Least Angle
 * Regression" (2004), as scikit-learn ships it (load_diabetes(scaled=False)): 442 patients,
 * 10 raw features and a target, read from the gzipped files in packages/engine/data/diabetes.
 *
 *   const { x, y, featureNames } = loadDiabetes();   // x: [442, 10], y: [442]
 *
 * Throws an Error naming the file and the line when a file is missing or malformed.
 */
export function loadDiabetes(options: LoadDiabetesOptions = {}): DiabetesDataset {
  const dir = options.dir ?? DEFAULT_DIR;
  const features = readTable(join(dir, DATA_FILE), DIABETES_FEATURES.length);
  const target = readTable(join(dir, TARGET_FILE), 1);
  return {
    x: tensor(features, { shape: [DIABETES_SAMPLES, DIABETES_FEATURES.length], dtype: 'float32' }),
    y: tensor(target, { shape: [DIABETES_SAMPLES], dtype: 'float32' }),
    featureNames: [...DIABETES_FEATURES],
  };
}

/** The numbers of a gzipped space-separated file of DIABETES_SAMPLES lines of `columns` numbers. */
function readTable(path: string, columns: number): Float32Array {
  let compressed: Buffer;
  try {
    compressed = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `loadDiabetes: cannot read ${path} (${code ?? (error as Error).message}). The diabetes data belongs in ` +
        `packages/engine/data/diabetes/ (see the README there); pass { dir } if it is elsewhere.`,
    );
  }
  let text: string;
  try {
    text = gunzipSync(compressed).toString('utf8');
  } catch (error) {
    throw new Error(`loadDiabetes: ${path} is not a valid gzip file (${(error as Error).message}).`);
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length !== DIABETES_SAMPLES) {
    throw new Error(`loadDiabetes: ${path} has ${lines.length} non-empty lines; the diabetes data has ${DIABETES_SAMPLES}.`);
  }
  const out = new Float32Array(DIABETES_SAMPLES * columns);
  lines.forEach((line, i) => {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== columns) {
      throw new Error(`loadDiabetes: ${path}, line ${i + 1} has ${fields.length} values; expected ${columns}: '${line.slice(0, 80)}'.`);
    }
    fields.forEach((field, j) => {
      const value = Number(field);
      if (!Number.isFinite(value)) {
        throw new Error(`loadDiabetes: ${path}, line ${i + 1}, column ${j + 1}: '${field}' is not a finite number.`);
      }
      out[i * columns + j] = value;
    });
  });
  return out;
}
