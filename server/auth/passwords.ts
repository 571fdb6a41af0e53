import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt at N=2^15, r=8, p=1 (32 MiB, tens of milliseconds): the OWASP floor for scrypt.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64 parts: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

// A stored hash names its own cost; these bounds keep a hash written with absurd parameters (by hand, or by whoever
// got write access to the table) from costing gigabytes or minutes per sign-in. 64 MiB leaves room to double N.
const MAX_SCRYPT_MEMORY = 64 * 1024 * 1024;
const MAX_SCRYPT_P = 4;

/** The cost a stored hash names, or null when it is malformed or beyond the bounds. */
function storedParams(n: string, r: string, p: string): typeof PARAMS | null {
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isSafeInteger(v) && v >= 1)) return null;
  // scrypt wants N a power of two above 1; its memory is about 128 · N · r bytes.
  if (params.N < 2 || (params.N & (params.N - 1)) !== 0) return null;
  if (128 * params.N * params.r > MAX_SCRYPT_MEMORY || params.p > MAX_SCRYPT_P) return null;
  return params;
}

/** Checks a password against a stored hash, at the cost the hash was made with (within bounds); never throws. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || rest.length) return false;
  const params = storedParams(n, r, p);
  if (!params) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Checked against when the email is unknown, so a wrong email costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
