import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../server/bundleServer';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let db: TestDatabase;
beforeAll(async () => {
  // Unmigrated: the started server must find its migrations.
  db = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await db?.drop();
});

/** Runs a command that starts the server and resolves once it has started, with its URL and the pid in its log. */
function startWith(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  // 'close', not 'exit': it waits for every holder of the output pipes, so for `npm run` the server npm started has
  // exited and its last lines are read (npm itself may exit first).
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<{ url: string; pid: number; child: ChildProcess; output: () => string; exited: typeof exited }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not started within 60 s:\n${output}`)), 60_000);
      const check = () => {
        const started = output.match(
          /"pid":(\d+),"services":\[[^\]]*\],"url":"(http:\/\/[^"]+)","msg":"switchboard started"/,
        );
        if (!started) return;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({ pid: Number(started[1]), url: started[2], child, output: () => output, exited });
      };
      child.stdout!.on('data', check);
      void exited.then(({ code }) => reject(new Error(`exited with ${code} before starting:\n${output}`)));
    },
  );
}

const accepts = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const s = net.connect(Number(port), hostname, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('production start', () => {
  it('when the bundled server runs on plain node, then it migrates, serves, and exits 0 on SIGTERM', async () => {
    const dir = path.join(ROOT, 'dist', `test-${randomBytes(4).toString('hex')}`);
    try {
      const outfile = await bundleServer(path.join(dir, 'server/main.js'));
      const server = await startWith(process.execPath, ['--enable-source-maps', outfile], testEnv(db.url));
      expect(server.pid).toBe(server.child.pid);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
      expect((await fetch(server.url)).headers.get('content-type')).toMatch(/^text\/html/);
      expect(await db.sql`select 1 from schema_migrations`).not.toHaveLength(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('"msg":"shutting down"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when npm runs the server and gets SIGTERM, then the server itself shuts down instead of being orphaned', async () => {
    const server = await startWith('npm', ['run', '--silent', 'serve'], testEnv(db.url));
    try {
      server.child.kill('SIGTERM');
      await server.exited;
      expect(server.output()).toContain('"msg":"shutting down"');
      expect(isRunning(server.pid)).toBe(false);
      expect(await accepts(server.url)).toBe(false);
    } finally {
      if (isRunning(server.pid)) process.kill(server.pid, 'SIGKILL');
    }
  });
});
