import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // The bundle is built once by `pretest` (and by the global setup when a source is newer):
    // tests load build/Code.js into the emulator and spawn the compiled CLI, build/cli.mjs.
    globalSetup: ['test/support/build-if-stale.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
