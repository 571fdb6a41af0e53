import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { callerIdentity } from '../intake/contactIdentity';

/**
 * The caller's own number, when it is one we can call back: E.164. Null for a withheld caller ID, a SIP or client
 * address, or anything else that is not a possible phone number.
 */
export const callableOwnNumber = (from: string): string | null => callerIdentity(from);

/**
 * A number keyed on the phone's keypad, as the caller means it: dialled the way they would dial it from their own
 * phone — a national number read in their own number's country (else `defaultRegion`), an international one after
 * 00 (or 011 from the North American plan). Reading bare digits as international would send "310 555 1234" keyed
 * in the US to the Netherlands (+31 0555…). Null when it cannot be a phone number.
 */
export function keyedCallbackNumber(keyed: string, callerNumber: string | null, defaultRegion?: string): string | null {
  const digits = keyed.replace(/[^0-9]/g, '');
  if (digits.length < 6) return null;
  const caller = callerNumber ? parsePhoneNumberFromString(callerNumber) : undefined;
  const international = digits.startsWith('00')
    ? digits.slice(2)
    : digits.startsWith('011') && caller?.countryCallingCode === '1'
      ? digits.slice(3)
      : null;
  const region = (caller?.country ?? caller?.getPossibleCountries()[0] ?? defaultRegion) as CountryCode | undefined;
  const phone =
    international !== null || !region
      ? parsePhoneNumberFromString(`+${international ?? digits}`)
      : parsePhoneNumberFromString(digits, region);
  return phone?.isPossible() ? phone.number : null;
}
