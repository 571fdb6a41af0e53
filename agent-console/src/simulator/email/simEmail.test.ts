import { describe, expect, it } from 'vitest';
import { looksLikeEmail, normaliseEmail, randomSimEmail, rememberEmail, replySubjectFor } from './simEmail';

describe('randomSimEmail', () => {
  it('makes a plausible address on the reserved example domain', () => {
    expect(randomSimEmail(() => 0)).toBe('alex.rivera.100@customer.example');
    for (let i = 0; i < 50; i++) expect(looksLikeEmail(randomSimEmail())).toBe(true);
  });
});

describe('looksLikeEmail', () => {
  it('accepts addresses and refuses what is not one', () => {
    expect(looksLikeEmail(' Ann@Example.com ')).toBe(true);
    expect(looksLikeEmail('ann@example')).toBe(false);
    expect(looksLikeEmail('ann example.com')).toBe(false);
    expect(looksLikeEmail('a@b@c.com')).toBe(false);
    expect(looksLikeEmail('')).toBe(false);
  });
});

describe('rememberEmail', () => {
  it('puts the address first, normalised, without its earlier copy', () => {
    expect(rememberEmail(['a@x.example', 'b@x.example'], ' B@X.example ')).toEqual(['b@x.example', 'a@x.example']);
  });

  it('keeps at most `max` addresses and ignores empty input', () => {
    expect(rememberEmail(['1@x.example', '2@x.example', '3@x.example'], '4@x.example', 3)).toEqual([
      '4@x.example',
      '1@x.example',
      '2@x.example',
    ]);
    expect(rememberEmail(['1@x.example'], '  ')).toEqual(['1@x.example']);
    expect(normaliseEmail('  A@B.C ')).toBe('a@b.c');
  });
});

describe('replySubjectFor', () => {
  it('adds one Re: and never stacks them', () => {
    expect(replySubjectFor('Lost parcel [#12]')).toBe('Re: Lost parcel [#12]');
    expect(replySubjectFor('RE: Lost parcel')).toBe('RE: Lost parcel');
    expect(replySubjectFor('')).toBe('Re:');
  });
});
