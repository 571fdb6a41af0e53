import { describe, expect, it } from 'vitest';
import { hasUnstorableText, storableDeep, storableText, unstorablePaths } from './textSafety';

describe('storableText', () => {
  it('when text holds NUL or lone surrogates, then each becomes U+FFFD and nothing else changes', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb');
    expect(storableText('x\ud800')).toBe('x\ufffd');
    expect(storableText('\udc00y')).toBe('\ufffdy');
    expect(storableText('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(storableText('\u0000\u0000')).toBe('\ufffd\ufffd');
  });

  it('when text is well formed, including emoji (surrogate pairs) and other control characters, then it is kept as is', () => {
    for (const text of ['', 'plain', 'emoji 😀 ok', '日本語', 'tab\tand\u0001bell\u0007', '\ufffd']) {
      expect(storableText(text)).toBe(text);
      expect(hasUnstorableText(text)).toBe(false);
    }
    expect(hasUnstorableText('a\u0000')).toBe(true);
    expect(hasUnstorableText('😀'.slice(0, 1))).toBe(true);
  });
});

describe('storableDeep', () => {
  it('when given nested objects and arrays, then every string and key is made storable and other values are kept', () => {
    const buffer = Buffer.from('a\u0000b');
    const date = new Date(0);
    const cleaned = storableDeep({ 'k\u0000': ['v\ud800', 1, null, { deep: 'd\u0000' }], buffer, date, ok: true });
    expect(cleaned).toEqual({ 'k\ufffd': ['v\ufffd', 1, null, { deep: 'd\ufffd' }], buffer, date, ok: true });
    expect(cleaned.buffer).toBe(buffer);
    expect(JSON.stringify(cleaned)).not.toMatch(/\\u0000|\\ud800/);
  });
});

describe('unstorablePaths', () => {
  it('when strings deep in a value hold NUL or lone surrogates, then it names each one by its path', () => {
    expect(unstorablePaths({ name: 'ok', notes: ['fine', 'bad\u0000'], customer: { subject: 'x\ud800' } })).toEqual([
      'notes.1',
      'customer.subject',
    ]);
    expect(unstorablePaths({ fine: ['a', { b: 'c' }] })).toEqual([]);
    expect(unstorablePaths('\u0000')).toEqual(['']);
  });
});
