import type { Twilio } from 'twilio';
import { SendError, type ChannelSender } from '../outbound';

// Twilio error codes that no retry can fix: the number is invalid, unreachable for SMS, or opted out.
const PERMANENT_CODES = new Set([21211, 21212, 21214, 21408, 21606, 21610, 21612, 21614, 21617, 30004, 30005, 30006, 30007]);
// Failures before a request reached Twilio: safe to send again.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface TwilioSmsSenderOptions {
  client: Twilio;
  /** The company number used when the message names none. */
  defaultFrom: string;
  /** Where Twilio reports delivery; the message id rides along so a status can find its row before the sid is stored. */
  statusCallbackUrl: (messageId: string) => string;
}

/** Sends SMS with Twilio's Messages API and classifies failures: retry, give up, or unknown whether it went out. */
export function createTwilioSmsSender({ client, defaultFrom, statusCallbackUrl }: TwilioSmsSenderOptions): ChannelSender {
  return {
    async send(message) {
      if (!message.to) throw new SendError('The message has no recipient number.', 'no_recipient', false);
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: message.from ?? defaultFrom,
          body: message.text,
          statusCallback: statusCallbackUrl(message.id),
        });
        return { providerId: sent.sid, transport: 'twilio' };
      } catch (err) {
        throw classify(err as Error & { status?: number; code?: number | string; moreInfo?: string });
      }
    },
    async findSent(message, since) {
      if (!message.to) return null;
      const sent = await client.messages.list({ to: message.to, from: message.from ?? defaultFrom, dateSentAfter: since, limit: 50 });
      return sent.find((m) => m.body === message.text)?.sid ?? null;
    },
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
