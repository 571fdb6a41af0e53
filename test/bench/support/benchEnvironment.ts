import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSql, type Sql } from '../../../server/db/client';
import { migrate } from '../../../server/db/migrate';
import { deleteKeys } from '../../support/redisKeys';
import { spawnServer, type ServerProcess } from '../../support/serverProcess';
import { onCleanup } from './benchLifetime';

/** The PostgreSQL the benchmarks create their databases in (`run.ts` starts an embedded one when this is unset). */
export function adminDatabaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: run the benchmarks through `npm run bench`, or set it to a PostgreSQL they may create databases in',
    );
  return url;
}

export const redisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A Twilio account that exists only here: the server verifies webhook signatures with it, and never calls out. */
export const BENCH_TWILIO = {
  accountSid: `AC${'b'.repeat(32)}`,
  authToken: 'bench-auth-token-0123456789abcdef',
  companyNumber: '+15005550006',
  // What Twilio would sign for. Never resolved: the load is posted to the server's loopback address.
  publicUrl: 'http://switchboard.bench.test',
};

export interface BenchDatabase {
  url: string;
  sql: Sql;
}

/** A new database for one run, migrated unless asked not to; dropped when the script ends. */
export async function freshDatabase(label: string, { migrated = true } = {}): Promise<BenchDatabase> {
  const name = `sb_bench_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = createSql(adminDatabaseUrl(), { max: 1 });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(adminDatabaseUrl());
  u.pathname = `/${name}`;
  const sql = createSql(u.toString(), { max: 4 });
  onCleanup(`drop database ${name}`, async () => {
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  if (migrated) await migrate(sql);
  // Flush what the last script left dirty (its database dropped, its rows written) now, not as a checkpoint in the
  // middle of this run: every commit's WAL flush waited behind one, and the figures said more about the script before.
  await admin
    .unsafe('checkpoint')
    .catch((err: Error) => console.log(`checkpoint before the run refused: ${err.message}`));
  return { url: u.toString(), sql };
}

/** A Redis key prefix of this run's own (the Redis may be shared); its keys are removed when the script ends. */
export function freshRedisPrefix(label: string) {
  const prefix = `sbbench-${label}-${randomBytes(4).toString('hex')}`;
  onCleanup(`delete Redis keys ${prefix}*`, () => deleteKeys(redisUrl(), `${prefix}*`));
  return prefix;
}

/**
 * The environment of a benchmarked server: production mode, Twilio mode (so webhooks are verified as in
 * production; nothing is ever sent to Twilio), the demo off, and sign-in limits wide enough for a floor of agents
 * signing in from one address.
 */
export function serverEnv(
  databaseUrl: string,
  redisPrefix: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-data-'));
  onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: BENCH_TWILIO.publicUrl,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: redisPrefix,
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    TWILIO_ACCOUNT_SID: BENCH_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: BENCH_TWILIO.authToken,
    TWILIO_SMS_FROM: BENCH_TWILIO.companyNumber,
    SIGN_IN_MAX_ATTEMPTS: '1000',
    ...overrides,
  };
}

/** The real server, as its own process (as `npm start` runs it); stopped with SIGTERM when the script ends. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await spawnServer(env, 90_000);
  onCleanup(`stop server ${server.url}`, async () => {
    const stopped = server.stop('SIGTERM');
    const killer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
    await stopped;
    clearTimeout(killer);
  });
  return server;
}
