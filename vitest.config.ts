import { defineConfig } from 'vitest/config';
import { POLL_EVERY_MS, TEST_MS, WAIT_MS } from './test/support/timeouts';

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
    testTimeout: TEST_MS,
    // expect.poll waits as long as waitFor and nextEvent (test/support/timeouts.ts), not vitest's 1 s.
    expect: { poll: { timeout: WAIT_MS, interval: POLL_EVERY_MS } },
    hookTimeout: 120_000,
  },
});
