import { sleep } from './benchLifetime';

/** Re-checks every 100 ms until `done` holds or `timeoutMs` passes; says which (a benchmark reports, it does not throw). */
export async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}
