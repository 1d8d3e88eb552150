/**
 * Batch grading's trusted half of items 5.10–5.11 (see HeldOutJudge in the grading kit). The
 * student's process gets the training split and the test images, never the test labels: it
 * trains, predicts, and sends the predictions; this module, in the trusted process, holds the
 * labels and judges. dlgrade (a student's own run) does not use it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GradingFailure, explainFailure, say, type HeldOutJudge } from '@dlcourse/grading';
import { rubric } from './rubric.js';
import { ITEM_THRESHOLDS } from './thresholds.js';
import { HELD_OUT_ENV, SPLIT_FILES, loadRealSplit, readArray } from './public/real-data.js';
import { accuracyVerdict } from './public/verdict.js';

const LABELS_FILE = 'y-test.i32';

/** What the student's process sends for an accuracy item. */
interface Submitted {
  predictions: number[];
  seconds: number;
  probabilities: boolean;
  nTrain: number;
}

const labelsByDir = new Map<string, Int32Array>();

function labels(keyDir: string): Int32Array {
  let y = labelsByDir.get(keyDir);
  if (!y) {
    y = readArray(join(keyDir, LABELS_FILE), Int32Array);
    labelsByDir.set(keyDir, y);
  }
  return y;
}

function isSubmitted(value: unknown): value is Submitted {
  const v = value as Partial<Submitted> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.predictions) && typeof v.seconds === 'number' && typeof v.probabilities === 'boolean' && typeof v.nTrain === 'number';
}

export const heldOut: HeldOutJudge = {
  items: Object.keys(ITEM_THRESHOLDS),

  async prepare(workerDir, keyDir) {
    const real = await loadRealSplit();
    if (!real.yTest) throw new Error(`held-out.ts prepares the split from the archive: unset ${HELD_OUT_ENV}.`);
    mkdirSync(workerDir, { recursive: true });
    mkdirSync(keyDir, { recursive: true });
    const write = (dir: string, file: string, data: Float32Array | Int32Array) => writeFileSync(join(dir, file), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    write(workerDir, SPLIT_FILES.xTrain, Float32Array.from(real.xTrain.toTypedArray()));
    write(workerDir, SPLIT_FILES.yTrain, Int32Array.from(real.yTrain.toTypedArray()));
    write(workerDir, SPLIT_FILES.xTest, Float32Array.from(real.xTest.toTypedArray()));
    writeFileSync(join(workerDir, SPLIT_FILES.sizes), JSON.stringify({ n: real.n, nVal: real.nVal, pixels: real.xTrain.shape[1] }));
    write(keyDir, LABELS_FILE, Int32Array.from(real.yTest.toTypedArray()));
    return { [HELD_OUT_ENV]: workerDir };
  },

  judge(key, submitted, keyDir) {
    const item = { ...rubric.items[key as keyof typeof ITEM_THRESHOLDS], key };
    const threshold = ITEM_THRESHOLDS[key as keyof typeof ITEM_THRESHOLDS];
    const failure = (problem: string, detail?: string) => explainFailure(new GradingFailure({ fn: 'train', problem, detail }), item, item.timeoutMs ?? 0);
    if (threshold === undefined) return failure(`${key} is not an item judged with the held-out labels.`);
    const truth = labels(keyDir);
    if (!isSubmitted(submitted)) return failure('the grader received no predictions for the held-out images from the run of your code.');
    const { predictions } = submitted;
    if (predictions.length !== truth.length) return failure(`the grader received ${predictions.length} predictions for ${truth.length} held-out images.`);
    let correct = 0;
    for (let i = 0; i < truth.length; i++) if (predictions[i] === truth[i]) correct++;
    const verdict = accuracyVerdict({ accuracy: correct / truth.length, seconds: submitted.seconds, probabilities: submitted.probabilities, nTest: truth.length, nTrain: submitted.nTrain }, threshold, say);
    return verdict ? failure(verdict.problem, verdict.detail) : null;
  },
};
