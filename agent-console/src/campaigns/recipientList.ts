import type { CustomerView } from '../../../server/http/apiTypes';

/** The server takes at most this many customers per campaign. */
export const MAX_RECIPIENTS = 10_000;

/** A customer chosen for a campaign, with what the list shows about them. */
export interface Recipient {
  id: string;
  name: string | null;
  /** The customer's first phone number; without one the campaign skips them. */
  phone: string | null;
  /** When that number texted STOP; the campaign skips them too. */
  optedOutAt: string | null;
}

export function toRecipient(customer: CustomerView): Recipient {
  const phone = customer.identities.find((identity) => identity.kind === 'phone');
  return {
    id: customer.id,
    name: customer.name,
    phone: phone?.value ?? null,
    optedOutAt: phone?.smsOptedOutAt ?? null,
  };
}

/** The list with `additions` appended in their order, skipping anyone already on it, up to MAX_RECIPIENTS. */
export function addRecipients(
  list: readonly Recipient[],
  additions: readonly Recipient[],
  max = MAX_RECIPIENTS,
): Recipient[] {
  const chosen = new Set(list.map((recipient) => recipient.id));
  const next = [...list];
  for (const recipient of additions) {
    if (next.length >= max) break;
    if (chosen.has(recipient.id)) continue;
    chosen.add(recipient.id);
    next.push(recipient);
  }
  return next;
}

export function removeRecipient(list: readonly Recipient[], id: string): Recipient[] {
  return list.filter((recipient) => recipient.id !== id);
}

export const recipientIds = (list: readonly Recipient[]) => list.map((recipient) => recipient.id);
