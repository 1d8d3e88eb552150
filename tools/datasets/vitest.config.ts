import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Building the packed cache decodes 18,724 PNGs (~10 s here); the rest is fast.
    testTimeout: 120_000,
    pool: 'forks',
  },
});
