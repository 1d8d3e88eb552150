import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { proveGrader } from '@dlcourse/grading/proof';
import { mutants } from './mutants/catalogue.js';

proveGrader({
  exercise: 'exercise-3',
  graderDir: dirname(fileURLToPath(import.meta.url)),
  mutants,
  alternatives: [
    { file: 'eps-placement-swapped.ts', approach: 'ε outside the root for AdaGrad and RMSProp, inside for Adam' },
    { file: 'pytorch-momentum.ts', approach: 'PyTorch’s momentum form b ← μb + g, w ← w − ηb (constant lr)' },
    { file: 'plain-numbers.ts', approach: 'optimizers on plain Float64Arrays, Adam in the paper’s efficient order, minimize as a while loop' },
  ],
});
