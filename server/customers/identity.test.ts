import { describe, expect, it } from 'vitest';
import { InvalidIdentityError, normalizeIdentity } from './identity';

describe('normalizeIdentity', () => {
  it('when a phone is written in any common way, then it becomes E.164', () => {
    expect(normalizeIdentity('phone', '+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizeIdentity('phone', '00 44 7700 900123'.replace(/^00/, '+'))).toBe('+447700900123');
    expect(normalizeIdentity('phone', '07700 900123', 'GB')).toBe('+447700900123');
    expect(normalizeIdentity('phone', '+86 138 0013 8000')).toBe('+8613800138000');
  });

  it('when an email has capitals, spaces or mailto:, then it is trimmed and lowercased', () => {
    expect(normalizeIdentity('email', '  Grace.Hopper@Example.ORG ')).toBe('grace.hopper@example.org');
    expect(normalizeIdentity('email', 'mailto:ME@example.com')).toBe('me@example.com');
  });

  it('when the value is not a phone or an email, then it is refused', () => {
    expect(() => normalizeIdentity('phone', 'call me')).toThrow(InvalidIdentityError);
    expect(() => normalizeIdentity('phone', '12')).toThrow(InvalidIdentityError);
    expect(() => normalizeIdentity('email', 'grace@')).toThrow(InvalidIdentityError);
  });

  it('when the same national number comes again with another default country, then each reads it in its own', () => {
    expect(normalizeIdentity('phone', '07700 900123', 'GB')).toBe('+447700900123');
    expect(() => normalizeIdentity('phone', '07700 900123')).toThrow(InvalidIdentityError);
    expect(normalizeIdentity('phone', '07700 900123', 'GB')).toBe('+447700900123');
    expect(() => normalizeIdentity('phone', '07700 900123')).toThrow(InvalidIdentityError);
  });
});
