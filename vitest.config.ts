import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // The bundle is built once by `pretest`; tests load build/Code.js into the emulator.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
