import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { proveGrader } from '@dlcourse/grading/proof';
import { mutants } from './mutants/catalogue.js';

proveGrader({
  exercise: 'exercise-4',
  graderDir: dirname(fileURLToPath(import.meta.url)),
  mutants,
  alternatives: [
    { file: 'kahn-topological-order.ts', approach: 'backward in Kahn’s order (consumer counts) instead of a DFS' },
    { file: 'activations-from-exp.ts', approach: 'sigmoid built from neg, exp, add and pow; neg as an op of its own' },
    { file: 'pytorch-style.ts', approach: 'written from scratch: local-gradient functions, flowing gradients in a Map, every .grad accumulated' },
  ],
});
