import { randomUUID } from 'node:crypto';

export interface OutboundMessage {
  id: string;
  channel: 'voice' | 'sms' | 'email';
  to: string | null;
  from: string | null;
  subject: string | null;
  text: string;
}

export interface SendResult {
  providerId: string;
  /** What carried it, kept in the message's metadata and shown to the agent. */
  transport: string;
}

/** Sends one stored outbound message through a provider. Throws a SendError to say whether a retry can help. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<SendResult>;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * The test channel: used for a channel until its real provider (Twilio, SMTP) is configured. It delivers
 * nowhere and says so — the message is marked sent through `loopback`, visible as such in the console.
 */
export const loopbackSender: ChannelSender = {
  async send() {
    return { providerId: `loopback-${randomUUID()}`, transport: 'loopback' };
  },
};

export type ChannelSenders = Partial<Record<OutboundMessage['channel'], ChannelSender>>;

export const senderFor = (senders: ChannelSenders, channel: OutboundMessage['channel']) => senders[channel] ?? loopbackSender;
