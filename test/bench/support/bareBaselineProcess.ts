import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './benchLifetime';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Starts bareBaseline.ts as its own process on `databaseUrl`; resolves with its URL once it listens. */
export function startBareBaseline(
  databaseUrl: string,
  { sockets = false } = {},
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/support/bareBaseline.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', BARE_DATABASE_URL: databaseUrl, BARE_SOCKETS: String(sockets) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  onCleanup('stop the bare baseline', stop);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the bare baseline did not start within 30 s:\n${output}`)),
      30_000,
    );
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const listening = output.match(/"url":"(http:\/\/[^"]+)","msg":"bare baseline listening"/);
      if (!listening) return;
      clearTimeout(timer);
      resolve({ url: listening[1], pid: child.pid, stop });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bare baseline exited before listening:\n${output}`));
    });
  });
}
