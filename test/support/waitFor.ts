import { inspect } from 'node:util';
import { POLL_EVERY_MS, WAIT_MS } from './timeouts';

/**
 * Re-reads until `ok` holds and returns that value. A wait that gives up silently is a test that cannot fail:
 * when the time is up, it throws with the last value read.
 */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `waitFor: not there after ${timeoutMs} ms; last read: ${inspect(value, { depth: 4, breakLength: 120 })}`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_EVERY_MS));
  }
}
