import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretBox,
  openSecret,
  parseSecretsKey,
  sealSecret,
  SecretOpenError,
  SecretsKeyMissingError,
} from './secretBox';

const key = randomBytes(32);

describe('sealed secrets', () => {
  it('when a password is sealed and opened with the same key, then it comes back, and the sealed form holds no clear text', () => {
    for (const plain of ['imap-secret', '', 'pässwörd ✓ with: colons', 'x'.repeat(1000)]) {
      const sealed = sealSecret(key, plain);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*:[A-Za-z0-9+/=]+$/);
      if (plain) expect(sealed).not.toContain(plain);
      expect(openSecret(key, sealed)).toBe(plain);
    }
  });

  it('when the same password is sealed twice, then the nonces and ciphertexts differ', () => {
    const [a, b] = [sealSecret(key, 'same'), sealSecret(key, 'same')];
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(a).not.toBe(b);
  });

  it('when any part of a sealed value is changed, then opening it fails', () => {
    const sealed = sealSecret(key, 'imap-secret');
    const parts = sealed.split(':');
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i], 'base64');
      bytes[0] ^= 1;
      const tampered = parts.map((p, j) => (j === i ? bytes.toString('base64') : p)).join(':');
      expect(() => openSecret(key, tampered), `part ${i}`).toThrow(SecretOpenError);
    }
    expect(() => openSecret(key, sealed.replace(/^v1:/, 'v2:'))).toThrow(SecretOpenError);
    expect(() => openSecret(key, 'imap-secret')).toThrow(SecretOpenError);
    expect(() => openSecret(key, `${sealed}:x`)).toThrow(SecretOpenError);
  });

  it('when opened with another key, then it fails without revealing anything', () => {
    const sealed = sealSecret(key, 'imap-secret');
    let error: unknown;
    try {
      openSecret(randomBytes(32), sealed);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecretOpenError);
    expect(String((error as Error).message)).not.toContain('imap-secret');
  });

  it('when the key is written as hex or base64 of 32 bytes, then it is read; anything else is refused', () => {
    expect(parseSecretsKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseSecretsKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseSecretsKey(`${key.toString('base64url')}\n`)?.equals(key)).toBe(true);
    for (const wrong of ['', 'secret', randomBytes(16).toString('base64'), randomBytes(33).toString('hex')])
      expect(parseSecretsKey(wrong), wrong).toBeNull();
  });

  it('when the server has no key, then sealing and opening refuse, naming SECRETS_KEY', () => {
    const box = createSecretBox(null);
    expect(box.hasKey).toBe(false);
    expect(() => box.seal('x')).toThrow(SecretsKeyMissingError);
    expect(() => box.open(sealSecret(key, 'x'))).toThrow(/SECRETS_KEY/);
    expect(createSecretBox(key).open(createSecretBox(key).seal('x'))).toBe('x');
  });
});
