import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVELOPMENT_KEY_FILE, resolveSecretsKey } from './secretsKey';

const dirs: string[] = [];
const aDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-secrets-'));
  dirs.push(dir);
  return path.join(dir, 'data');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the secrets key', () => {
  it('when SECRETS_KEY is set, then it is the key, in any environment, and no key file is written', () => {
    const key = randomBytes(32);
    const DATA_DIR = aDataDir();
    for (const NODE_ENV of ['production', 'development'] as const) {
      const resolved = resolveSecretsKey({ SECRETS_KEY: key.toString('hex'), NODE_ENV, DATA_DIR });
      expect(resolved?.key.equals(key)).toBe(true);
      expect(resolved?.source).toBe('SECRETS_KEY');
    }
    expect(fs.existsSync(path.join(DATA_DIR, DEVELOPMENT_KEY_FILE))).toBe(false);
  });

  it('when unset in development, then a key is made once under DATA_DIR, readable only by its owner, and found again', () => {
    const DATA_DIR = aDataDir();
    const first = resolveSecretsKey({ SECRETS_KEY: undefined, NODE_ENV: 'development', DATA_DIR });
    const file = path.join(DATA_DIR, DEVELOPMENT_KEY_FILE);
    expect(first?.source).toBe(file);
    expect(first?.key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = resolveSecretsKey({ SECRETS_KEY: undefined, NODE_ENV: 'development', DATA_DIR });
    expect(again?.key.equals(first!.key)).toBe(true);
    expect(fs.readdirSync(DATA_DIR)).toEqual([DEVELOPMENT_KEY_FILE]);
  });

  it('when unset in production, then there is no key and none is made', () => {
    const DATA_DIR = aDataDir();
    expect(resolveSecretsKey({ SECRETS_KEY: undefined, NODE_ENV: 'production', DATA_DIR })).toBeNull();
    expect(fs.existsSync(DATA_DIR)).toBe(false);
  });

  it('when the development key file holds something else, then it refuses, naming the file and SECRETS_KEY', () => {
    const DATA_DIR = aDataDir();
    fs.mkdirSync(DATA_DIR);
    fs.writeFileSync(path.join(DATA_DIR, DEVELOPMENT_KEY_FILE), 'not a key\n');
    expect(() => resolveSecretsKey({ SECRETS_KEY: undefined, NODE_ENV: 'test', DATA_DIR })).toThrow(
      /secrets\.key.*SECRETS_KEY/,
    );
  });
});
