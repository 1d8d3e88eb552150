// A valid alternative written without the engine's data helpers: readImages hands sharp the file
// path and reads one file at a time; encodeLabels by character codes; splitData with shuffled
// index arrays (trainTestSplitIndices) and indexSelect; train with manual batching over a
// permutation drawn each epoch (no DataLoader); accuracy on typed arrays.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { Adam, Generator, crossEntropy, noGrad, tensor, trainTestSplitIndices, type Module, type Tensor } from '@dlcourse/engine';
import type { EncodedLabels, Images, Splits, TrainOptions } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export async function readImages(folder: string): Promise<Images> {
  const chunks: Float32Array[] = [];
  const letters: string[] = [];
  let skipped = 0;
  for (let code = 65; code <= 74; code++) {
    const letter = String.fromCharCode(code);
    for (const name of await readdir(join(folder, letter))) {
      const file = join(folder, letter, name);
      if ((await stat(file)).size === 0) {
        skipped++;
        continue;
      }
      const data = await sharp(file).toColourspace('b-w').raw().toBuffer();
      chunks.push(Float32Array.from(data, (b) => b / 255));
      letters.push(letter);
    }
  }
  if (skipped) console.warn(`skipped ${skipped} empty file(s)`);
  const values = new Float32Array(chunks.length * 784);
  chunks.forEach((c, i) => values.set(c, i * 784));
  return { images: tensor(values, { shape: [chunks.length, 784] }), letters };
}

export function encodeLabels(letters: string[]): EncodedLabels {
  const y = Int32Array.from(letters, (l) => l.charCodeAt(0) - 65);
  return { y: tensor(y, { shape: [letters.length] }), classes: 'ABCDEFGHIJ'.split('') };
}

export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  const first = trainTestSplitIndices(x.shape[0], { testSize: 0.2, seed });
  const second = trainTestSplitIndices(first.train.length, { testSize: 0.2, seed: seed + 1 });
  const train = second.train.map((i) => first.train[i]);
  const val = second.test.map((i) => first.train[i]);
  return {
    xTrain: x.indexSelect(0, train),
    yTrain: y.indexSelect(0, train),
    xVal: x.indexSelect(0, val),
    yVal: y.indexSelect(0, val),
    xTest: x.indexSelect(0, first.test),
    yTest: y.indexSelect(0, first.test),
  };
}

export function train(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions = {}): number[] {
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 128;
  const generator = options.generator ?? new Generator(7);
  const optimizer = new Adam(model.parameters(), { lr: options.lr ?? 1e-3 });
  const n = xTrain.shape[0];
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = generator.permutation(n);
    let total = 0;
    for (let start = 0; start < n; start += batchSize) {
      const rows = order.subarray(start, Math.min(n, start + batchSize));
      const xb = xTrain.indexSelect(0, rows);
      const yb = yTrain.indexSelect(0, rows);
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item() * rows.length;
    }
    losses.push(total / n);
  }
  return losses;
}

export function accuracy(model: Module, x: Tensor, y: Tensor): number {
  const scores = noGrad(() => model.forward(x)).toTypedArray();
  const truth = y.toTypedArray();
  const classes = scores.length / truth.length;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (scores[i * classes + c] > scores[i * classes + best]) best = c;
    if (best === truth[i]) correct++;
  }
  return correct / truth.length;
}
