import type { Mutant } from '@dlcourse/grading/proof';

/**
 * Known-wrong implementations of exercise 5 and the rubric items that must catch each.
 *
 * The cost of the proof is bounded: the accuracy items (5.10, 5.11) train only when items 5.1–5.9
 * all pass, so every mutant caught by a fast item fails them at once, without training. Only two
 * mutants reach the real training: model-hidden-8 (a small model, ≈ 10 s) and train-no-zero-grad
 * (a full run, ≈ 70 s), besides the solution and the alternative.
 */
export const mutants: Mutant[] = [
  { file: 'pixels-not-divided.ts', mistake: 'readImages keeps the bytes 0 … 255 (never divides by 255)', caughtBy: ['readImagesPixels'] },
  { file: 'letters-from-file-names.ts', mistake: 'readImages takes the letter from the file name instead of the folder', caughtBy: ['readImages'] },
  { file: 'empty-file-not-skipped.ts', mistake: 'readImages hands the 0-byte PNGs to sharp, which throws', caughtBy: ['readImages', 'readImagesPixels'] },
  { file: 'labels-first-appearance.ts', mistake: 'encodeLabels numbers the letters in the order they first appear', caughtBy: ['encodeLabels'] },
  { file: 'split-60-20-20.ts', mistake: 'splitData makes one 60/20/20 split instead of testSize 0.2 twice', caughtBy: ['splitSizes'] },
  { file: 'split-x-y-separately.ts', mistake: 'splitData splits x and y in separate calls with different seeds (rows unpaired)', caughtBy: ['splitSizes'] },
  { file: 'split-train-keeps-validation.ts', mistake: 'splitData returns the whole rest as xTrain, validation rows included', caughtBy: ['splitSizes', 'splitDisjoint'] },
  { file: 'split-unseeded.ts', mistake: 'splitData ignores the seed (Math.random)', caughtBy: ['splitSeeded'] },
  { file: 'split-not-shuffled.ts', mistake: 'splitData does not shuffle (shuffle: false): the test part is the last rows', caughtBy: ['splitSeeded'] },
  {
    file: 'model-softmax-output.ts',
    mistake: 'buildModel ends with Softmax, so crossEntropy gets probabilities (the notebook’s pitfall)',
    caughtBy: ['buildModel', 'testAccuracyPartial', 'testAccuracyFull'],
  },
  { file: 'model-without-relu.ts', mistake: 'buildModel has no ReLU between the Linear layers (a linear model)', caughtBy: ['buildModel'] },
  { file: 'model-ignores-generator.ts', mistake: 'buildModel initialises the layers from the global generator, not the given one', caughtBy: ['buildModel'] },
  { file: 'train-never-steps.ts', mistake: 'train never calls optimizer.step()', caughtBy: ['trainLoop'] },
  { file: 'accuracy-argmax-dim0.ts', mistake: 'accuracy takes argmax over dim 0 (the rows) instead of dim 1', caughtBy: ['accuracyFn'] },
  // The two that need the real training:
  { file: 'model-hidden-8.ts', mistake: 'buildModel’s hidden layer has 8 units: 0.889 with the grader’s seeds, partial credit only', caughtBy: ['testAccuracyFull'] },
  { file: 'train-no-zero-grad.ts', mistake: 'train never calls optimizer.zeroGrad(): gradients add up over all steps (≈ 0.68)', caughtBy: ['testAccuracyPartial', 'testAccuracyFull'] },
];
