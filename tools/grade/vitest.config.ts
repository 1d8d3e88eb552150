import { defineConfig } from 'vitest/config';

// The class tests start many sandboxed grading processes: one file at a time on 2 cores.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false },
});
