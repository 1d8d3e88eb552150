/**
 * The lesson's practice end to end: notMNIST letters A–J classified by an MLP.
 *
 *   npm run example:notmnist -- --archive path/to/notMNIST_small.tar.gz   (or set NOTMNIST_ARCHIVE)
 *   npm run example:notmnist -- --recipe notebook                          (the notebook's slow recipe)
 *   npm run example:notmnist -- --recipe notebook --epochs 20              (a short run of it)
 *   npm run example:notmnist -- --progress --plot losses.png               (a progress bar; loss curves as PNG + SVG)
 *
 * Without --archive, --folder or NOTMNIST_ARCHIVE it uses the archive that `npm run data:notmnist`
 * keeps in the cache folder, if there is one.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isCI, NOTMNIST_URL, plotLosses, resolveCacheDir } from '../src/index.js';
import { loadNotMNISTSplits } from './notmnist/dataset.js';
import { recipes } from './notmnist/recipes.js';
import { trainRecipe } from './notmnist/train.js';

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    folder: { type: 'string' },
    recipe: { type: 'string', default: 'adam' },
    seed: { type: 'string', default: '0' },
    epochs: { type: 'string' },
    progress: { type: 'boolean', default: false },
    plot: { type: 'string' },
  },
});

const chosen = recipes[values.recipe ?? 'adam'];
if (!chosen) {
  console.error(`Unknown recipe '${values.recipe}'. Choose one of: ${Object.keys(recipes).join(', ')}.`);
  process.exit(2);
}
const epochs = values.epochs === undefined ? chosen.epochs : Number(values.epochs);
if (!Number.isInteger(epochs) || epochs <= 0) {
  console.error(`--epochs must be a positive integer, got '${values.epochs}'.`);
  process.exit(2);
}
const recipe = { ...chosen, epochs };
if (values.plot !== undefined && !/\.(png|svg)$/i.test(values.plot)) {
  console.error(`--plot must name a .png (written with an .svg beside it) or an .svg file, got '${values.plot}'.`);
  process.exit(2);
}

/** The archive `npm run data:notmnist` downloads into the cache folder, when nothing else is named. */
function cachedArchive(): string | undefined {
  if (values.archive || values.folder || process.env.NOTMNIST_ARCHIVE) return values.archive;
  const path = join(resolveCacheDir(undefined), basename(new URL(NOTMNIST_URL).pathname));
  return existsSync(path) ? path : undefined;
}

try {
  const data = await loadNotMNISTSplits({ archive: cachedArchive(), folder: values.folder });
  console.log(`notMNIST: train ${data.xTrain.shape[0]}, val ${data.xVal.shape[0]}, test ${data.xTest.shape[0]} images of ${data.classes.join('')}`);
  console.log(`recipe '${recipe.name}': ${recipe.description}`);
  // A live bar over all full-batch steps would be broken by the step lines: they give way to it.
  const liveSteps = values.progress && recipe.batchSize === null && process.stdout.isTTY === true && !isCI();
  const result = trainRecipe(recipe, data, {
    seed: Number(values.seed),
    progress: values.progress,
    valLoss: values.plot !== undefined,
    onEpoch: (epoch, loss) => {
      if (liveSteps) return;
      if (recipe.batchSize !== null || epoch % 100 === 99 || epoch === 0) console.log(`  ${recipe.batchSize === null ? 'step' : 'epoch'} ${epoch + 1}: loss ${loss.toFixed(4)}`);
    },
  });
  console.log(
    `train accuracy ${result.trainAccuracy.toFixed(4)}, val ${result.valAccuracy.toFixed(4)}, test ${result.testAccuracy.toFixed(4)} (${result.seconds.toFixed(1)} s of training)`,
  );
  if (values.plot !== undefined) {
    const plot = await plotLosses(
      [
        { name: 'train (mean over the epoch)', values: result.losses },
        { name: 'validation (end of epoch)', values: result.valLosses ?? [] },
      ],
      {
        path: values.plot,
        title: `notMNIST MLP, recipe '${recipe.name}': test accuracy ${result.testAccuracy.toFixed(4)}`,
        xLabel: recipe.batchSize === null ? 'step' : 'epoch',
        yLabel: 'cross-entropy loss',
      },
    );
    console.log(`loss curves: ${[plot.pngPath, plot.svgPath].filter((p) => p !== null).join(' and ')}`);
  }
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
