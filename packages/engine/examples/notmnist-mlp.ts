/**
 * The lesson's practice end to end: notMNIST letters A–J classified by an MLP.
 *
 *   npm run example:notmnist -- --archive path/to/notMNIST_small.tar.gz   (or set NOTMNIST_ARCHIVE)
 *   npm run example:notmnist -- --recipe notebook                          (the notebook's slow recipe)
 *   npm run example:notmnist -- --recipe notebook --epochs 20              (a short run of it)
 */
import { parseArgs } from 'node:util';
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

try {
  const data = await loadNotMNISTSplits({ archive: values.archive, folder: values.folder });
  console.log(`notMNIST: train ${data.xTrain.shape[0]}, val ${data.xVal.shape[0]}, test ${data.xTest.shape[0]} images of ${data.classes.join('')}`);
  console.log(`recipe '${recipe.name}': ${recipe.description}`);
  const result = trainRecipe(recipe, data, {
    seed: Number(values.seed),
    onEpoch: (epoch, loss) => {
      if (recipe.batchSize !== null || epoch % 100 === 99 || epoch === 0) console.log(`  ${recipe.batchSize === null ? 'step' : 'epoch'} ${epoch + 1}: loss ${loss.toFixed(4)}`);
    },
  });
  console.log(
    `train accuracy ${result.trainAccuracy.toFixed(4)}, val ${result.valAccuracy.toFixed(4)}, test ${result.testAccuracy.toFixed(4)} (${result.seconds.toFixed(1)} s of training)`,
  );
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
