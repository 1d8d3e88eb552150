import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 5 — the notMNIST classifier, part 1: the data. What each function takes and returns,
 * and the lesson's steps: ../README.md §5.1–§5.3.
 */

/** What readImages returns: one row of `images` per readable PNG, `letters[i]` its folder. */
export interface Images {
  /** [N, 784] float32: the 28×28 grey pixels of each image, row after row, divided by 255 (so in [0, 1]). */
  images: Tensor;
  /** N letters 'A' … 'J': the name of the folder each image came from. */
  letters: string[];
}

/** What encodeLabels returns. */
export interface EncodedLabels {
  /** [N] int32: 'A' → 0, 'B' → 1, …, 'J' → 9. */
  y: Tensor;
  /** The letters in code order: ['A', 'B', …, 'J']. */
  classes: string[];
}

/** The lesson's three parts: train (to fit), validation (to choose), test (to report). */
export interface Splits {
  xTrain: Tensor;
  yTrain: Tensor;
  xVal: Tensor;
  yVal: Tensor;
  xTest: Tensor;
  yTest: Tensor;
}

/**
 * Reads the PNGs of the folders A/ … J/ inside `folder` (e.g. 'notMNIST_small') with sharp:
 * `sharp(file).toColourspace('b-w').raw().toBuffer()` gives the 784 grey bytes of a 28×28 image.
 * A file that cannot be read (notMNIST_small has two 0-byte PNGs) is skipped, and the number of
 * skipped files is reported with console.warn. README §5.1.
 */
export async function readImages(folder: string): Promise<Images> {
  return notImplemented('readImages');
}

/** Letters A … J as class indices 0 … 9 (int32), e.g. with the engine's LabelEncoder. README §5.2. */
export function encodeLabels(letters: string[]): EncodedLabels {
  return notImplemented('encodeLabels');
}

/**
 * The lesson's split: train_test_split(testSize 0.2) gives the test part, then a second
 * train_test_split(testSize 0.2) of what is left gives the validation part — 18,724 images become
 * 11,983 / 2,996 / 3,745. Rows of x and y stay paired; the same seed gives the same split.
 * README §5.3.
 */
export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  return notImplemented('splitData');
}
