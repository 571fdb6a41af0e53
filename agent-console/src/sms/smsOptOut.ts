import type { Channel, CustomerView, IdentityView, MessageView } from '../../../server/http/apiTypes';

/**
 * The number an SMS reply goes to, as the server picks it: the one the customer last texted from,
 * else their first phone number.
 */
export function replyPhoneOf(
  customer: Pick<CustomerView, 'identities'>,
  messages: readonly MessageView[],
): string | null {
  const lastInbound = messages.findLast((message) => message.direction === 'inbound' && message.from);
  return lastInbound?.from ?? customer.identities.find((identity) => identity.kind === 'phone')?.value ?? null;
}

/** The phone identity an SMS ticket's replies go to, when that number texted STOP; null when replies may be sent. */
export function optedOutReplyPhone(
  channel: Channel,
  customer: Pick<CustomerView, 'identities'>,
  messages: readonly MessageView[],
): IdentityView | null {
  if (channel !== 'sms') return null;
  const phone = replyPhoneOf(customer, messages);
  const identity = customer.identities.find((candidate) => candidate.kind === 'phone' && candidate.value === phone);
  return identity?.smsOptedOutAt ? identity : null;
}
