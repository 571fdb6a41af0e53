import type { InboundContact } from '../../channels/inboundContact';
import { isWithheldCallerId } from '../../channels/voice/withheldCallerId';
import { normalizeIdentity } from '../customers/identity';
import { HttpError } from '../http/httpError';

/**
 * The identity a contact is filed under (E.164 phone, lowercased email), or null for a phone call or a mail that
 * names nobody.
 * A call is answered whoever makes it: a caller who withheld their number, or whose network passed on none we can
 * read, still reaches an agent. Such a caller gets a customer of their own with no identity (two anonymous callers
 * are not the same person; an agent can merge the record into the right customer later). A text or a mail from a
 * sender we cannot read is kept the same way; a contact our own API is given must name an address we can answer,
 * or it is refused with a 400 naming `from`.
 */
export function contactIdentity(contact: InboundContact, defaultRegion: string | undefined): string | null {
  if (contact.channel === 'voice' && contact.from.kind === 'phone')
    return callerIdentity(contact.from.value, defaultRegion);
  // A mail is never refused for its sender: one whose headers named no usable address is filed like a withheld call.
  if (contact.channel === 'email' && contact.from.value === '') return null;
  // Nor a text Twilio delivered: a short code or an alphanumeric sender ID ("376", "MYBANK") is no number we can
  // file it under or answer, but refusing it would lose it on every retry.
  if (contact.channel === 'sms' && contact.from.kind === 'phone')
    return callerIdentity(contact.from.value, defaultRegion);
  try {
    return normalizeIdentity(contact.from.kind, contact.from.value, defaultRegion as never);
  } catch (err) {
    throw new HttpError(400, 'invalid_input', (err as Error).message, [
      { path: 'from', message: (err as Error).message },
    ]);
  }
}

/** A caller's phone identity (E.164), or null when the caller ID names nobody: withheld, or no phone number. */
export function callerIdentity(callerId: string, defaultRegion?: string): string | null {
  // Checked first: some withheld forms (+86282452253, "UNAVAILABLE" on a keypad) also parse as possible numbers.
  if (isWithheldCallerId(callerId)) return null;
  try {
    return normalizeIdentity('phone', callerId, defaultRegion as never);
  } catch {
    return null;
  }
}

/** The name of a caller's customer when their caller ID identifies nobody: it says why there is no number. */
export function unidentifiedCallerName(callerId: string): string {
  return isWithheldCallerId(callerId) ? 'Withheld number' : `Unrecognised number ${callerId.trim()}`;
}
