import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../net/freePort';
import type { Logger } from '../logger';

export interface RedisLocation {
  url: string;
  /** Set when we started a private redis-server; stopping it is part of shutdown. */
  stop?: () => Promise<void>;
}

export interface LocateOptions {
  redisUrl?: string;
  dataDir: string;
  log: Logger;
  /** Where a local Redis is looked for when REDIS_URL is unset. */
  defaultPort?: number;
  redisServerBinary?: string;
}

export class RedisUnavailableError extends Error {}

/**
 * REDIS_URL if set; else a Redis answering at localhost:6379; else a private redis-server with its
 * append-only file under the data folder; else a clear error saying how to get Redis.
 */
export async function locateRedis(options: LocateOptions): Promise<RedisLocation> {
  if (options.redisUrl) return { url: options.redisUrl };
  const defaultPort = options.defaultPort ?? 6379;
  if (await answersPing(defaultPort)) return { url: `redis://127.0.0.1:${defaultPort}` };
  const binary = options.redisServerBinary ?? 'redis-server';
  if (!(await isExecutableOnPath(binary))) {
    throw new RedisUnavailableError(
      `No Redis: REDIS_URL is unset, nothing answers at localhost:${defaultPort} and no redis-server is installed. ` +
        'Install one (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), ' +
        'run `docker compose up -d redis`, or set REDIS_URL=redis://host:port.',
    );
  }
  return startPrivateRedis(binary, path.join(options.dataDir, 'redis'), options.log);
}

/**
 * Its port is recorded in the data folder: another process on the same folder, or a restart after a crash
 * that left the server running, uses that one instead of starting a second server on the same files.
 */
async function startPrivateRedis(binary: string, dir: string, log: Logger): Promise<RedisLocation> {
  await fs.mkdir(dir, { recursive: true });
  const portFile = path.join(dir, 'redis.port');
  const recorded = Number(await fs.readFile(portFile, 'utf8').catch(() => ''));
  if (recorded && (await answersPing(recorded))) {
    log.info({ port: recorded, dir }, 'using the private redis-server already running on this data folder');
    return { url: `redis://127.0.0.1:${recorded}` };
  }
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null)
      throw new RedisUnavailableError(`redis-server exited with code ${child.exitCode}; see ${dir}/redis.log`);
    if (await answersPing(port)) {
      await fs.writeFile(portFile, String(port));
      log.info({ port, dir }, 'started a private redis-server');
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          await fs.rm(portFile, { force: true });
          await stopChild(child, exited);
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not answer on port ${port} within 10 s; see ${dir}/redis.log`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
}

export function answersPing(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    // "+PONG" or "-NOAUTH …": either way a Redis is there.
    socket.once('data', (data) => done(/^[+-]/.test(data.toString())));
  });
}

async function isExecutableOnPath(binary: string): Promise<boolean> {
  const candidates = binary.includes('/')
    ? [binary]
    : (process.env.PATH ?? '').split(':').map((dir) => path.join(dir, binary));
  for (const candidate of candidates) {
    if (
      await fs.access(candidate, fs.constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}
