import type { Twilio } from 'twilio';
import { SendError, type ChannelSender, type ProviderCopy } from '../outbound';
import { twilioDeliveryStatus } from './twilioMessageStatus';

// Twilio error codes that no retry can fix: the number is invalid, unreachable for SMS, or opted out.
const PERMANENT_CODES = new Set([
  21211, 21212, 21214, 21408, 21606, 21610, 21612, 21614, 21617, 30004, 30005, 30006, 30007,
]);
// Failures before a request reached Twilio: safe to send again.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface TwilioSmsSenderOptions {
  client: Twilio;
  /** The company number used when the message names none. */
  defaultFrom: string;
  /**
   * Where Twilio reports delivery. The message id (and which send of it this is) rides along, so a status finds
   * its row before the sid is stored, and a late report about an earlier send cannot settle a later one.
   */
  statusCallbackUrl: (messageId: string, round: number) => string;
}

/** Sends SMS with Twilio's Messages API and classifies failures: retry, give up, or unknown whether it went out. */
export function createTwilioSmsSender({
  client,
  defaultFrom,
  statusCallbackUrl,
}: TwilioSmsSenderOptions): ChannelSender {
  return {
    async send(message) {
      if (!message.to) throw new SendError('The message has no recipient number.', 'no_recipient', false);
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: message.from ?? defaultFrom,
          body: message.text,
          statusCallback: statusCallbackUrl(message.id, message.round ?? 0),
        });
        return { providerId: sent.sid, transport: 'twilio' };
      } catch (err) {
        throw classify(err as Error & { status?: number; code?: number | string; moreInfo?: string });
      }
    },
    async findSent(message, { since, providerId }) {
      if (providerId) {
        const known = await client
          .messages(providerId)
          .fetch()
          .catch((err: { status?: number }) => {
            if (err.status === 404) return null;
            throw err;
          });
        return known ? [copyOf(known)] : [];
      }
      if (!message.to) return [];
      const listed = await client.messages.list({
        to: message.to,
        from: message.from ?? defaultFrom,
        dateSentAfter: since,
        limit: 50,
      });
      return listed
        .filter((m) => m.body === message.text)
        .sort((a, b) => (a.dateCreated?.getTime() ?? 0) - (b.dateCreated?.getTime() ?? 0))
        .map(copyOf);
    },
  };
}

function copyOf(m: { sid: string; status: string; errorCode: number | null }): ProviderCopy {
  return {
    providerId: m.sid,
    status: twilioDeliveryStatus(m.status) ?? 'sent',
    errorCode: m.errorCode == null ? null : String(m.errorCode),
  };
}

function classify(err: Error & { status?: number; code?: number | string }): SendError {
  if (typeof err.status === 'number') {
    const code = typeof err.code === 'number' ? err.code : undefined;
    const label = `Twilio ${err.status}${code ? ` error ${code}` : ''}: ${err.message}`;
    if (code !== undefined && PERMANENT_CODES.has(code)) return new SendError(label, String(code), false);
    // Twilio answered: it did not create the message. Rate limits and outages pass; anything else will not.
    return new SendError(label, String(code ?? err.status), err.status === 429 || err.status >= 500);
  }
  const code = typeof err.code === 'string' ? err.code : 'network_error';
  return new SendError(`Could not reach Twilio: ${err.message}`, code, true, !NEVER_SENT.has(code));
}
