import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSql } from '../../server/db/client';
import { startEmbeddedPostgres } from '../../server/db/embeddedPostgres';
import { createLogger } from '../../server/logger';
import { createRedis } from '../../server/redis/connection';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- p1 drain` runs those named. Each is a process of its
 * own, in its own process group, so that at its time limit it is stopped together with the servers it started
 * (SIGTERM lets it clean up; SIGKILL 30 s later). The machine is printed first: figures mean nothing without it.
 */
const BENCHMARKS = [
  { name: 'p1', file: 'p1ScreenPop.ts', limitSeconds: 150 },
  { name: 'p2', file: 'p2SmsThroughput.ts', limitSeconds: 300 },
  { name: 'p3', file: 'p3SupervisorWall.ts', limitSeconds: 150 },
  { name: 'p4', file: 'p4VoiceWebhook.ts', limitSeconds: 120 },
  { name: 'p5', file: 'p5KnowledgeSearch.ts', limitSeconds: 600 },
  { name: 'p6', file: 'p6EmailIntake.ts', limitSeconds: 180 },
  { name: 'drain', file: 'drain.ts', limitSeconds: 210 },
];
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const chosen = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name));

// Ctrl-C or SIGTERM: the running benchmark is asked to clean up (its own group does not see the terminal's signal).
let current: number | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (current) signalGroup(current, 'SIGTERM');
    else process.exit(130);
  });
}

const embedded = process.env.DATABASE_URL ? null : await startPrivatePostgres();
await printMachine();
const outcomes: string[] = [];
for (const bench of chosen) {
  console.log(`\n=== ${bench.name} (${bench.file}, at most ${bench.limitSeconds} s) ===`);
  const started = performance.now();
  const outcome = await runOne(bench.file, bench.limitSeconds);
  outcomes.push(
    `${bench.name.padEnd(6)} ${outcome.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(0)} s, load average after ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
console.log(`\n=== summary ===\n${outcomes.join('\n')}`);
await embedded?.stop();
process.exit(outcomes.every((o) => o.includes('finished')) ? 0 : 1);

function runOne(file: string, limitSeconds: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, file)], {
    cwd: ROOT,
    env: { ...process.env, BENCH_LIMIT_SECONDS: String(limitSeconds) },
    stdio: 'inherit',
    detached: true,
  });
  current = child.pid!;
  let stoppedAtLimit = false;
  const term = setTimeout(
    () => {
      stoppedAtLimit = true;
      signalGroup(child.pid!, 'SIGTERM');
    },
    (limitSeconds + 20) * 1000,
  );
  const kill = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), (limitSeconds + 50) * 1000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(term);
      clearTimeout(kill);
      current = null;
      // Whatever the script left behind (a server it could not stop) goes with its group.
      signalGroup(child.pid!, 'SIGKILL');
      if (stoppedAtLimit) resolve('stopped at its time limit');
      else resolve(code === 0 ? 'finished' : `failed (${signal ?? `exit ${code}`})`);
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function printMachine() {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const sql = createSql(process.env.DATABASE_URL!, { max: 1 });
  const [{ serverVersion }] = await sql<{ serverVersion: string }[]>`show server_version`;
  await sql.end();
  const redis = createRedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', 'bench-machine');
  const redisVersion = (await redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? 'unknown';
  redis.disconnect();
  console.log('Switchboard benchmarks');
  console.log(
    `machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`,
  );
  console.log(
    `software: Node.js ${process.version}, PostgreSQL ${serverVersion}${embedded ? ' (embedded)' : ''}, Redis ${redisVersion}`,
  );
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work on the machine skews every figure)`,
  );
}

async function startPrivatePostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(dir, createLogger('warn'));
  process.env.DATABASE_URL = pg.url;
  return {
    async stop() {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
