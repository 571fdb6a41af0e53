import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Secrets kept in the database (mailbox passwords) are sealed with AES-256-GCM under a key that lives outside it.
// A sealed value is `v1:nonce:ciphertext:tag` (base64 parts): the version names the scheme and key, so a later
// key can be introduced as v2 and old values re-sealed at leisure.
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const SECRETS_KEY_BYTES = 32;

/** Nothing can be sealed or opened: the server has no key. The message names the variable to set. */
export class SecretsKeyMissingError extends Error {
  constructor(why: string) {
    super(`${why}: set SECRETS_KEY (32 bytes, base64 or hex; generate one with \`openssl rand -base64 32\`).`);
  }
}

/** A sealed value that is malformed, was changed, or was sealed under another key. Never carries the value. */
export class SecretOpenError extends Error {}

/** The key from its text: 64 hex digits, or base64 (standard or URL-safe) of 32 bytes. Null when it is neither. */
export function parseSecretsKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t, 'base64');
    if (key.length === SECRETS_KEY_BYTES) return key;
  }
  return null;
}

export function sealSecret(key: Buffer, plain: string): string {
  // A fresh random nonce per value: GCM's security rests on never reusing one under a key.
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, nonce, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
    .join(':');
}

export function openSecret(key: Buffer, sealed: string): string {
  const [version, nonce, ciphertext, tag, ...rest] = sealed.split(':');
  if (version !== VERSION || rest.length || tag === undefined)
    throw new SecretOpenError('not a sealed secret of a known version');
  const parts = [nonce, ciphertext, tag].map((p) => Buffer.from(p, 'base64'));
  if (parts[0].length !== NONCE_BYTES || parts[2].length !== TAG_BYTES)
    throw new SecretOpenError('not a sealed secret of a known version');
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parts[0], { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(parts[2]);
    return Buffer.concat([decipher.update(parts[1]), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretOpenError('the sealed secret was changed or sealed under another key');
  }
}

/** Seals and opens with the server's key; without one, both refuse with a message naming SECRETS_KEY. */
export interface SecretBox {
  readonly hasKey: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer | null): SecretBox {
  if (key && key.length !== SECRETS_KEY_BYTES) throw new Error(`the secrets key must be ${SECRETS_KEY_BYTES} bytes`);
  const needKey = (): never => {
    throw new SecretsKeyMissingError('Mailbox passwords are stored encrypted and this server has no key');
  };
  return {
    hasKey: key !== null,
    seal: (plain) => (key ? sealSecret(key, plain) : needKey()),
    open: (sealed) => (key ? openSecret(key, sealed) : needKey()),
  };
}
