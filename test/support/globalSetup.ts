import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/db/embeddedPostgres';
import { createLogger } from '../../server/logger';
import { deleteKeys } from './redisKeys';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

/**
 * Once per test run: a PostgreSQL to create per-file databases in (DATABASE_URL, or an embedded one),
 * the Redis at REDIS_URL (default localhost) with a key prefix of this run's own, and a fresh console build.
 */
export default async function setup(project: TestProject) {
  const log = createLogger('warn');
  let stopPostgres: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  let adminDatabaseUrl = process.env.DATABASE_URL;
  if (!adminDatabaseUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-pg-'));
    fs.chmodSync(tmp, 0o755);
    const pg = await startEmbeddedPostgres(tmp, log);
    adminDatabaseUrl = pg.url;
    stopPostgres = pg.stop;
  }
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisPrefix = `sbtest-${process.pid}-${Date.now().toString(36)}`;
  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('redisUrl', redisUrl);
  project.provide('redisPrefix', redisPrefix);

  buildConsole();

  return async () => {
    await deleteKeys(redisUrl, `${redisPrefix}*`);
    await stopPostgres?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}

/**
 * Builds the console into a folder of this run's own, then swaps it in for agent-console/dist: a test run that is
 * serving the old build at the same moment (two runs on one checkout) never finds the folder half-written.
 */
function buildConsole() {
  const dist = path.resolve('agent-console/dist');
  const fresh = `${dist}-build-${process.pid}`;
  const old = `${dist}-old-${process.pid}`;
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'agent-console/vite.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      fresh,
      '--emptyOutDir',
    ],
    { stdio: 'inherit' },
  );
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(fresh, dist);
  fs.rmSync(old, { recursive: true, force: true });
}
