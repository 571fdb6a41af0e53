import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type IdentityKind = 'phone' | 'email';

export class InvalidIdentityError extends Error {}

/**
 * The one canonical form of an identity, so a customer is recognised however they were written:
 * phones in E.164 (national numbers read in `defaultCountry`), emails trimmed and lowercased.
 */
export function normalizeIdentity(kind: IdentityKind, raw: string, defaultCountry?: CountryCode): string {
  const value = raw.trim();
  if (kind === 'email') {
    const email = value.replace(/^mailto:/i, '').toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new InvalidIdentityError(`not an email address: ${raw}`);
    return email;
  }
  const phone = parsePhoneNumberFromString(value, defaultCountry);
  if (!phone?.isPossible()) throw new InvalidIdentityError(`not a phone number: ${raw}`);
  return phone.number;
}
