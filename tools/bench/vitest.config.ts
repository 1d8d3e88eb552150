import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The smoke test runs the whole CLI (tsx, tfjs, Python) in a child process.
  test: { include: ['test/*.test.ts'], testTimeout: 120_000, pool: 'forks' },
});
