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
  const phone = parsePhone(value, defaultCountry);
  if (!phone) throw new InvalidIdentityError(`not a phone number: ${raw}`);
  return phone;
}

// Parsing a number with its country's metadata costs more than the rest of an SMS webhook's own code, and the same
// few numbers (the company's lines, customers writing again) come back all day: parses are remembered, boundedly.
const PARSED_PHONES_KEPT = 10_000;
const parsedPhones = new Map<string, string | null>();

function parsePhone(value: string, defaultCountry: CountryCode | undefined): string | null {
  const key = `${defaultCountry ?? ''} ${value}`;
  const known = parsedPhones.get(key);
  if (known !== undefined) return known;
  const phone = parsePhoneNumberFromString(value, defaultCountry);
  const parsed = phone?.isPossible() ? phone.number : null;
  // Oldest first out: a Map iterates in insertion order.
  if (parsedPhones.size >= PARSED_PHONES_KEPT) parsedPhones.delete(parsedPhones.keys().next().value!);
  parsedPhones.set(key, parsed);
  return parsed;
}
