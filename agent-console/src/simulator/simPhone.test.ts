import { describe, expect, it } from 'vitest';
import { compactPhone, looksLikePhone, randomSimPhone, rememberPhone } from './simPhone';

describe('randomSimPhone', () => {
  it('makes a +1 555 number with a realistic exchange', () => {
    expect(randomSimPhone(() => 0)).toBe('+1 555 200 0000');
    expect(randomSimPhone(() => 0.999)).toBe('+1 555 999 9999');
    for (let i = 0; i < 50; i++) expect(randomSimPhone()).toMatch(/^\+1 555 [2-9]\d\d \d{4}$/);
  });
});

describe('compactPhone', () => {
  it('keeps the plus and the digits only', () => {
    expect(compactPhone(' +1 (555) 382-0417 ')).toBe('+15553820417');
    expect(compactPhone('555.382.0417')).toBe('5553820417');
    expect(compactPhone('')).toBe('');
  });
});

describe('looksLikePhone', () => {
  it('accepts typed numbers and refuses text or too few / many digits', () => {
    expect(looksLikePhone('+1 555 382 0417')).toBe(true);
    expect(looksLikePhone('(415) 555-0100')).toBe(true);
    expect(looksLikePhone('+1 555')).toBe(false);
    expect(looksLikePhone('call me')).toBe(false);
    expect(looksLikePhone('+1234567890123456')).toBe(false);
  });
});

describe('rememberPhone', () => {
  it('puts the number first, compact, without its earlier copy', () => {
    expect(rememberPhone(['+15550000001', '+15550000002'], '+1 555 000 0002')).toEqual([
      '+15550000002',
      '+15550000001',
    ]);
  });

  it('keeps at most `max` numbers and ignores empty input', () => {
    expect(rememberPhone(['1', '2', '3'], '+4', 3)).toEqual(['+4', '1', '2']);
    expect(rememberPhone(['+15550000001'], '  ')).toEqual(['+15550000001']);
  });
});
