import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LabelEncoder, tensor, trainTestSplit, type Tensor } from '@dlcourse/engine';

/*
 * Exercise 5 — the notMNIST classifier, part 1: the data (reference solution). README §5.1–§5.3.
 */

export interface Images {
  /** [N, 784] float32 in [0, 1]. */
  images: Tensor;
  /** N letters 'A' … 'J' (the folder of each image). */
  letters: string[];
}

export interface EncodedLabels {
  /** [N] int32, 'A' → 0 … 'J' → 9. */
  y: Tensor;
  classes: string[];
}

export interface Splits {
  xTrain: Tensor;
  yTrain: Tensor;
  xVal: Tensor;
  yVal: Tensor;
  xTest: Tensor;
  yTest: Tensor;
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const SIZE = 28 * 28;

/** The 784 grey bytes of one PNG, or null when it cannot be read (e.g. a 0-byte file). */
async function readGrey(file: string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(file);
    if (bytes.length === 0) return null;
    const { data, info } = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return info.width * info.height * info.channels === SIZE ? data : null;
  } catch {
    return null;
  }
}

export async function readImages(folder: string): Promise<Images> {
  const rows: Uint8Array[] = [];
  const letters: string[] = [];
  let skipped = 0;
  for (const letter of LETTERS) {
    const names = (await readdir(join(folder, letter))).filter((name) => name.endsWith('.png')).sort();
    const pixels = await Promise.all(names.map((name) => readGrey(join(folder, letter, name))));
    for (const row of pixels) {
      if (row === null) {
        skipped++;
        continue;
      }
      rows.push(row);
      letters.push(letter);
    }
  }
  if (skipped > 0) console.warn(`readImages: skipped ${skipped} unreadable file(s) in ${folder}.`);
  const values = new Float32Array(rows.length * SIZE);
  rows.forEach((row, i) => {
    for (let j = 0; j < SIZE; j++) values[i * SIZE + j] = row[j] / 255;
  });
  return { images: tensor(values, { shape: [rows.length, SIZE] }), letters };
}

export function encodeLabels(letters: string[]): EncodedLabels {
  const encoder = new LabelEncoder().fit(letters);
  return { y: tensor(encoder.transform(letters), { shape: [letters.length] }), classes: [...encoder.classes] };
}

export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed });
  return { xTrain, yTrain, xVal, yVal, xTest, yTest };
}
