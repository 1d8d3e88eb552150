import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { proveGrader } from '@dlcourse/grading/proof';
import { mutants } from './mutants/catalogue.js';

proveGrader({
  exercise: 'exercise-6',
  graderDir: dirname(fileURLToPath(import.meta.url)),
  mutants,
  alternatives: [
    { file: 'r2-via-mse-over-variance.ts', approach: 'R² = 1 − MSE/Var, standardize and predict written another way, loss by hand, model.zeroGrad()' },
    { file: 'custom-module.ts', approach: 'a Module subclass with fc1, act, fc2 instead of Sequential; r2Score and standardize on plain numbers' },
  ],
});
