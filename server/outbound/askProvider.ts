import type { ChannelSender, OutboundMessage } from '../../channels/outbound';
import type { Sql } from '../db/client';
import type { ProviderAnswer } from './staleSendSettlement';

// Our clock and Twilio's are not the same clock: look a little further back than the send began.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Asks the provider whether it has a send whose outcome we do not know. A copy already stored on another row
 * (a reply, or a mass-SMS recipient, with the same text to the same number) is that row's, never this one's.
 */
export async function askProvider(
  sql: Sql,
  sender: ChannelSender,
  send: OutboundMessage & { providerId: string | null; sendStartedAt: Date },
): Promise<ProviderAnswer> {
  if (!sender.findSent) return { kind: 'cannot_ask' };
  let copies;
  try {
    copies = await sender.findSent(send, {
      since: new Date(send.sendStartedAt.getTime() - CLOCK_SKEW_MS),
      providerId: send.providerId,
    });
  } catch (err) {
    return { kind: 'unreachable', error: (err as Error).message };
  }
  if (!copies.length) return { kind: 'none' };
  const ids = copies.map((c) => c.providerId);
  const claimed = await sql<{ providerId: string }[]>`
    select provider_id from messages where channel = ${send.channel} and provider_id in ${sql(ids)} and id <> ${send.id}
    union
    select provider_id from sms_campaign_recipients where provider_id in ${sql(ids)} and id <> ${send.id}`;
  const taken = new Set(claimed.map((c) => c.providerId));
  const copy = copies.find((c) => !taken.has(c.providerId));
  return copy ? { kind: 'found', copy } : { kind: 'none' };
}
