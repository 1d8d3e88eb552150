import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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
 * (A function: the student's process in batch grading may not even look at these paths.)
 * $NOTMNIST_ARCHIVE, else the archive `npm run data:notmnist` keeps in the cache folder (what a
 * student has), else the shared copy beside the repository (what CI has).
 */
export function archivePath(): string {
  return (
    process.env.NOTMNIST_ARCHIVE ||
    [join(resolveCacheDir(undefined), 'notMNIST_small.tar.gz'), join(REPO_ROOT, '..', 'shared', 'data', 'notMNIST_small.tar.gz')].find((p) => existsSync(p)) ||
    join(resolveCacheDir(undefined), 'notMNIST_small.tar.gz')
  );
}

/** The packed cache the engine's tests use, so the 18,724 PNGs are decoded once per checkout. */
export const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dlcourse-test');

export interface RealSplit {
  xTrain: Tensor;
  yTrain: Tensor;
  xTest: Tensor;
  /** null in batch grading: the labels stay with the trusted judge (../held-out.ts). */
  yTest: Tensor | null;
  /** Images in the whole dataset, and in the validation part the grader leaves unused. */
  n: number;
  nVal: number;
}

/** Set by batch grading for the student's process: the folder with the split, test labels left out (../held-out.ts). */
export const HELD_OUT_ENV = 'DLCOURSE_HELD_OUT_DIR';

/** The files of that folder. */
export const SPLIT_FILES = { xTrain: 'x-train.f32', yTrain: 'y-train.i32', xTest: 'x-test.f32', sizes: 'sizes.json' } as const;

export async function loadRealSplit(): Promise<RealSplit> {
  const withheld = process.env[HELD_OUT_ENV];
  if (withheld) return readWithheldSplit(withheld);
  const archive = archivePath();
  if (!existsSync(archive)) {
    throw new Error(`the notMNIST archive is not at ${archive}: run \`npm run data:notmnist\` once, or set NOTMNIST_ARCHIVE to the path of notMNIST_small.tar.gz.`);
  }
  const data = await loadNotMNIST({ archive, cacheDir: CACHE_DIR, onWarning: () => {} });
  const x = tensor(data.images, { shape: [data.n, data.height * data.width] });
  const y = tensor(data.labels, { shape: [data.n] });
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed: SPLIT_SEED });
  const [xTrain, xVal, yTrain] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed: SPLIT_SEED });
  return { xTrain, yTrain, xTest, yTest, n: data.n, nVal: xVal.shape[0] };
}

/** The split as batch grading hands it to the student's process: no test labels. */
function readWithheldSplit(dir: string): RealSplit {
  const sizes = JSON.parse(readFileSync(join(dir, SPLIT_FILES.sizes), 'utf8')) as { n: number; nVal: number; pixels: number };
  const xTrain = readArray(join(dir, SPLIT_FILES.xTrain), Float32Array);
  const xTest = readArray(join(dir, SPLIT_FILES.xTest), Float32Array);
  return {
    xTrain: tensor(xTrain, { shape: [xTrain.length / sizes.pixels, sizes.pixels] }),
    yTrain: tensor(readArray(join(dir, SPLIT_FILES.yTrain), Int32Array)),
    xTest: tensor(xTest, { shape: [xTest.length / sizes.pixels, sizes.pixels] }),
    yTest: null,
    n: sizes.n,
    nVal: sizes.nVal,
  };
}

/**
 * A file of raw 4-byte values (as held-out.ts writes them) as its typed array, read straight into
 * it: each grading reads ~50 MB here, and a copy out of readFileSync's buffer cost as much again
 * in fresh pages.
 */
export function readArray<T extends Float32Array | Int32Array>(path: string, type: { new (length: number): T }): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size % 4 !== 0) throw new Error(`${path} holds ${size} bytes, not a whole number of 4-byte values: prepare the split again.`);
    const array = new type(size / 4);
    const bytes = new Uint8Array(array.buffer);
    for (let read = 0; read < size; ) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) throw new Error(`${path} ended after ${read} of ${size} bytes: prepare the split again.`);
      read += got;
    }
    return array;
  } finally {
    closeSync(fd);
  }
}
