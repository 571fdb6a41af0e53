import { randomBytes, scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

/** A hash in the stored format at a chosen cost, as an older or a test deployment may have written it. */
const hashWith = (password: string, cost: { N: number; r: number; p: number }) =>
  new Promise<string>((resolve, reject) => {
    const salt = randomBytes(16);
    scrypt(password.normalize('NFKC'), salt, 64, cost, (err, key) =>
      err
        ? reject(err)
        : resolve(['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')),
    );
  });

describe('passwords', () => {
  it('when the same password is given, then it verifies; a different one does not', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('when hashed twice, then the salts differ', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('when the stored hash is malformed, then verification fails instead of throwing', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
  });

  it('when a stored hash names a lower cost, then it is verified at that cost', async () => {
    const hash = await hashWith('correct horse battery', { N: 2 ** 10, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('when a stored hash names a cost beyond the bounds or an invalid one, then it is refused without being computed', async () => {
    const valid = await hashWith('pw', { N: 2 ** 10, r: 8, p: 1 });
    const [, , , , salt, key] = valid.split('$');
    // 2^30 × 8 × 128 bytes would be a terabyte; the others are not scrypt parameters at all.
    for (const [n, r, p] of [
      [2 ** 30, 8, 1],
      [2 ** 17, 8, 1],
      [2 ** 10, 8, 64],
      [1000, 8, 1],
      [1, 8, 1],
      [0, 8, 1],
      ['NaN', 8, 1],
      [2 ** 10, 0, 1],
      [2 ** 10, 8, 1.5],
    ])
      await expect(verifyPassword('pw', ['scrypt', n, r, p, salt, key].join('$')), `${n} ${r} ${p}`).resolves.toBe(
        false,
      );
  });
});
