import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The notMNIST end-to-end test trains a real model; everything else is fast.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
