import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `server/main.ts` as `npm run serve` does and waits for it to exit (killed after timeoutMs). */
function runServer(
  overrides: Record<string, string | undefined>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up with a wrong configuration', () => {
  it('when PORT=abc, then the process exits with 1 and stderr names PORT', async () => {
    const { code, stderr } = await runServer({
      PORT: 'abc',
      SERVICES: undefined,
      DATABASE_URL: inject('adminDatabaseUrl'),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\s*PORT\b/m);
    expect(stderr).not.toMatch(/^\s*SERVICES\b/m);
  });

  it('when SERVICES=web,cron, then the process exits with 1 and stderr names SERVICES', async () => {
    const { code, stderr } = await runServer({
      PORT: '0',
      SERVICES: 'web,cron',
      DATABASE_URL: inject('adminDatabaseUrl'),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\s*SERVICES\b/m);
    expect(stderr).not.toMatch(/^\s*PORT\b/m);
  });
});
