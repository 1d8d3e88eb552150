import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadNotMNIST, resolveCacheDir, tensor, trainTestSplit, type Tensor } from '@dlcourse/engine';
import { SPLIT_SEED } from '../thresholds.js';

/*
 * The real notMNIST_small, loaded by the grader through the engine (never through the student's
 * readImages), and split by the grader: testSize 0.2 twice with SPLIT_SEED, as in the lesson.
 * Only the training part is ever handed to the student's train().
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * $NOTMNIST_ARCHIVE, else the archive `npm run data:notmnist` keeps in the cache folder (what a
 * student has), else the shared copy beside the repository (what CI has).
 */
export const ARCHIVE =
  process.env.NOTMNIST_ARCHIVE ||
  [join(resolveCacheDir(undefined), 'notMNIST_small.tar.gz'), join(REPO_ROOT, '..', 'shared', 'data', 'notMNIST_small.tar.gz')].find((p) => existsSync(p)) ||
  join(resolveCacheDir(undefined), 'notMNIST_small.tar.gz');

/** The packed cache the engine's tests use, so the 18,724 PNGs are decoded once per checkout. */
export const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dlcourse-test');

export interface RealSplit {
  xTrain: Tensor;
  yTrain: Tensor;
  xTest: Tensor;
  yTest: Tensor;
  /** Images in the whole dataset, and in the validation part the grader leaves unused. */
  n: number;
  nVal: number;
}

export async function loadRealSplit(): Promise<RealSplit> {
  if (!existsSync(ARCHIVE)) {
    throw new Error(`the notMNIST archive is not at ${ARCHIVE}: run \`npm run data:notmnist\` once, or set NOTMNIST_ARCHIVE to the path of notMNIST_small.tar.gz.`);
  }
  const data = await loadNotMNIST({ archive: ARCHIVE, cacheDir: CACHE_DIR, onWarning: () => {} });
  const x = tensor(data.images, { shape: [data.n, data.height * data.width] });
  const y = tensor(data.labels, { shape: [data.n] });
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed: SPLIT_SEED });
  const [xTrain, xVal, yTrain] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed: SPLIT_SEED });
  return { xTrain, yTrain, xTest, yTest, n: data.n, nVal: xVal.shape[0] };
}
