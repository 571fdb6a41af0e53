import type { InboundContact } from '../../channels/inboundContact';
import { isWithheldCallerId } from '../../channels/voice/withheldCallerId';
import { normalizeIdentity } from '../customers/identity';
import { HttpError } from '../http/httpError';

/**
 * The identity a contact is filed under (E.164 phone, lowercased email), or null for a phone call that names nobody.
 * A call is answered whoever makes it: a caller who withheld their number, or whose network passed on none we can
 * read, still reaches an agent. Such a caller gets a customer of their own with no identity (two anonymous callers
 * are not the same person; an agent can merge the record into the right customer later). A message on any other
 * channel must come from an address we can answer, or it is refused with a 400 naming `from`.
 */
export function contactIdentity(contact: InboundContact, defaultRegion: string | undefined): string | null {
  const isCall = contact.channel === 'voice' && contact.from.kind === 'phone';
  // Checked first: some withheld forms (+86282452253, "UNAVAILABLE" on a keypad) also parse as possible numbers.
  if (isCall && isWithheldCallerId(contact.from.value)) return null;
  try {
    return normalizeIdentity(contact.from.kind, contact.from.value, defaultRegion as never);
  } catch (err) {
    if (isCall) return null;
    throw new HttpError(400, 'invalid_input', (err as Error).message, [{ path: 'from', message: (err as Error).message }]);
  }
}

/** The name of a caller's customer when their caller ID identifies nobody: it says why there is no number. */
export function unidentifiedCallerName(callerId: string): string {
  return isWithheldCallerId(callerId) ? 'Withheld number' : `Unrecognised number ${callerId.trim()}`;
}
