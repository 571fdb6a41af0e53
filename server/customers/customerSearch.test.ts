import { describe, expect, it } from 'vitest';
import { searchTerms } from './customerSearch';

describe('searchTerms', () => {
  it('when the query is a phone number in any common format, then it is read as E.164 and its digits kept', () => {
    expect(searchTerms('+1 (415) 555-0100')).toMatchObject({
      phone: '+14155550100',
      email: null,
      digits: '14155550100',
    });
    expect(searchTerms('(415) 555-0100', 'US')).toMatchObject({ phone: '+14155550100' });
  });

  it('when the query is part of a number, then only its digits are used, for a substring match', () => {
    expect(searchTerms('555-01')).toMatchObject({ phone: null, digits: '55501' });
    expect(searchTerms('12')).toMatchObject({ phone: null, digits: null });
  });

  it('when the query is an email with capitals, then it is lowercased; text is never read as a number', () => {
    expect(searchTerms(' Grace.Hopper@Example.ORG ')).toMatchObject({
      email: 'grace.hopper@example.org',
      phone: null,
      digits: null,
    });
    expect(searchTerms('Acme 2000')).toMatchObject({ phone: null, email: null, digits: null });
  });

  it('when the query has LIKE wildcards, then they match themselves', () => {
    expect(searchTerms('50%_off\\')).toMatchObject({ pattern: '%50\\%\\_off\\\\%', prefix: '50\\%\\_off\\\\%' });
  });
});
