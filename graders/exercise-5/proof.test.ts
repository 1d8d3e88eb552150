import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { proveGrader } from '@dlcourse/grading/proof';
import { mutants } from './mutants/catalogue.js';

proveGrader({
  exercise: 'exercise-5',
  graderDir: dirname(fileURLToPath(import.meta.url)),
  mutants,
  alternatives: [
    {
      file: 'by-hand.ts',
      approach: 'sharp on file paths, labels by character code, split by index arrays, manual batching without DataLoader, accuracy on typed arrays',
    },
  ],
});
