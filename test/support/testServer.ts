import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { startSwitchboard, type RunningSwitchboard } from '../../server/startSwitchboard';
import { TEST_SECRETS_KEY } from './testSecrets';

/** The environment a test server runs with: loopback, this run's Redis prefix, no demo, quiet logs. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    // A prefix per server group keeps parallel test files' Socket.IO and BullMQ traffic apart.
    REDIS_PREFIX: `${inject('redisPrefix')}-${randomBytes(4).toString('hex')}`,
    SEED_DEMO: 'false',
    // Stored attachments and any private server data stay out of the repository.
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-data-')),
    // One key for the file's servers, so rows a test seals (testSecrets.ts) open in every one of them.
    SECRETS_KEY: TEST_SECRETS_KEY,
    PRESENCE_GRACE_SECONDS: '1',
    SHUTDOWN_TIMEOUT_SECONDS: '10',
    ...overrides,
  };
}

/** Starts the real service in this process on a free loopback port. */
export async function startTestServer(env: Record<string, string>): Promise<RunningSwitchboard & { url: string }> {
  const config = loadConfig(env);
  const running = await startSwitchboard(config, createLogger(config.LOG_LEVEL));
  return { ...running, url: running.url ?? '' };
}
