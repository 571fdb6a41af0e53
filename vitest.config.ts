import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'channels/**/*.test.ts',
      'knowledge-base/**/*.test.ts',
      'agent-console/src/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    globalSetup: ['test/support/globalSetup.ts'],
    // Integration tests start real servers and browsers; two cores, so keep files to two at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
