import { defineConfig } from 'vitest/config';

// `npm test` here runs the proof (proof.test.ts); the graded suites in public/ run through dlgrade.
export default defineConfig({
  test: { include: ['proof.test.ts'], testTimeout: 180_000, maxConcurrency: 2 },
});
