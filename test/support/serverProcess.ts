import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_MS } from './timeouts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  /** The HTTP address; empty for a process without web or realtime (SERVICES=worker). */
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `server/main.ts` as its own process, as `npm start` does, and resolves once it has fully started. */
export function spawnServer(env: Record<string, string>, timeoutMs = START_MS): Promise<ServerProcess> {
  // BENCH_CPU_PROFILE_DIR: each server writes a V8 CPU profile there when it stops (to find where a benchmark's time goes).
  const profile = process.env.BENCH_CPU_PROFILE_DIR;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  // BENCH_HEAP_PROFILE_DIR: each server writes a sampling heap profile of what its garbage collector promoted there.
  const heapArgs = process.env.BENCH_HEAP_PROFILE_DIR
    ? ['--import', './test/bench/support/promotedHeapProfile.ts']
    : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...heapArgs, 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = output.match(/"url":(?:"(http:\/\/[^"]+)"|null),"msg":"switchboard started"/);
      if (!listening) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      resolve({
        url: listening[1] ?? '',
        child,
        output: () => output,
        exited,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}
