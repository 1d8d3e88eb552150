import { defineConfig } from 'vitest/config';

// `npm test` here runs the proof (proof.test.ts); the graded suites in public/ run through dlgrade.
// The proof's batch trains on the real notMNIST four times (solution, alternative, two mutants).
export default defineConfig({
  test: { include: ['proof.test.ts'], testTimeout: 360_000, hookTimeout: 60_000, maxConcurrency: 2 },
});
