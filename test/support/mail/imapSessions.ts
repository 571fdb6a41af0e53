import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Dovecot } from './dovecot';

const run = promisify(execFile);

/** The IMAP connections logged in as `user` right now, as the server counts them (`doveadm who`). */
export async function imapSessions(dovecot: Dovecot, user: string): Promise<number> {
  const { stdout } = await run('doveadm', ['-c', path.join(dovecot.dir, 'dovecot.conf'), 'who', '-1']);
  return stdout.split('\n').filter((line) => line.split(/\s+/)[0] === user).length;
}

/** How many times `user` logged in so far, from the server's log. */
export function imapLogins(dovecot: Dovecot, user: string): number {
  const log = fs.readFileSync(path.join(dovecot.dir, 'dovecot.log'), 'utf8');
  return log.split('\n').filter((line) => line.includes(`Login: user=<${user}>`)).length;
}

/**
 * Samples `imapSessions` every `everyMs` until stopped; `stop()` returns the most seen at once. A sample that
 * fails (doveadm busy) is not counted, and the next one is taken.
 */
export function watchImapSessions(dovecot: Dovecot, user: string, everyMs = 100) {
  let most = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const n = await imapSessions(dovecot, user).catch(() => null);
      if (n !== null) {
        most = Math.max(most, n);
        samples++;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { most, samples };
    },
  };
}
