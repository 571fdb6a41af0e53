import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { parseSecretsKey, SECRETS_KEY_BYTES } from './secretBox';

/** Where a development server keeps the key it made for itself, under DATA_DIR. */
export const DEVELOPMENT_KEY_FILE = 'secrets.key';

export interface SecretsKey {
  key: Buffer;
  /** Where it came from, for messages: `SECRETS_KEY`, or the development key file. */
  source: string;
}

/**
 * The key secrets are sealed with: SECRETS_KEY when set. Otherwise a development or test server (NODE_ENV other
 * than production) makes one once and keeps it in DATA_DIR/secrets.key (mode 0600), so `npm start` works on a
 * fresh machine and finds its own key again after a restart. In production there is no fallback: null, and
 * start-up refuses once a mailbox has a password (mailboxPasswordsAtRest.ts).
 */
export function resolveSecretsKey(config: Pick<Config, 'SECRETS_KEY' | 'NODE_ENV' | 'DATA_DIR'>): SecretsKey | null {
  if (config.SECRETS_KEY) {
    const key = parseSecretsKey(config.SECRETS_KEY);
    // loadConfig has checked it already; this guards a Config made some other way.
    if (!key) throw new Error('SECRETS_KEY must be 32 bytes, base64 or hex');
    return { key, source: 'SECRETS_KEY' };
  }
  if (config.NODE_ENV === 'production') return null;
  const file = path.join(config.DATA_DIR, DEVELOPMENT_KEY_FILE);
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: of two processes starting at once on one DATA_DIR, one key wins
    // and neither ever reads a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(draft, `${randomBytes(SECRETS_KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const key = parseSecretsKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (base64 or hex); set SECRETS_KEY instead`);
  return { key, source: file };
}
