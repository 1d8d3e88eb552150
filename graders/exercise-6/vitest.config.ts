import { defineConfig } from 'vitest/config';

// `npm test` here runs the proof (proof.test.ts) and the calibration of the end-to-end threshold
// (calibration.test.ts); the graded suites in public/ run through dlgrade.
export default defineConfig({
  test: { include: ['proof.test.ts', 'calibration.test.ts'], testTimeout: 180_000, maxConcurrency: 2 },
});
