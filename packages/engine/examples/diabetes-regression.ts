/**
 * The lesson's regression with Adam on the diabetes data (442 patients, 10 features).
 *
 *   npm run example:diabetes                       prints train/test R²
 *   npm run example:diabetes -- --plot losses.png  also saves the loss curves (PNG + SVG)
 */
import { parseArgs } from 'node:util';
import { plotLosses } from '../src/index.js';
import { trainDiabetesRegression } from './diabetes/regression.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '300' },
    lr: { type: 'string', default: '0.1' },
    hidden: { type: 'string', default: '16' },
    plot: { type: 'string' },
  },
});

const epochs = Number(values.epochs);
const lr = Number(values.lr);
const hidden = Number(values.hidden);
if (!Number.isInteger(epochs) || epochs <= 0 || !(lr > 0) || !Number.isInteger(hidden) || hidden <= 0) {
  console.error('--epochs and --hidden must be positive integers and --lr a positive number.');
  process.exit(2);
}
const result = trainDiabetesRegression({ epochs, lr, hidden });
console.log(`diabetes regression (10 → ${hidden} ReLU → 1, Adam lr ${lr}, ${epochs} full-batch epochs)`);
console.log(`  MSE train ${result.trainLosses.at(-1)!.toFixed(1)}, test ${result.testLosses.at(-1)!.toFixed(1)}`);
console.log(`  R²  train ${result.trainR2.toFixed(4)}, test ${result.testR2.toFixed(4)}`);
if (values.plot) {
  const written = await plotLosses(
    [
      { name: 'train MSE', values: result.trainLosses },
      { name: 'test MSE', values: result.testLosses },
    ],
    { path: values.plot, title: `diabetes regression: test R² ${result.testR2.toFixed(3)}`, yLabel: 'MSE', logY: true },
  );
  console.log(`  loss curves: ${[written.pngPath, written.svgPath].filter(Boolean).join(', ')}`);
}
