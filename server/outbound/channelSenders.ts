import { randomUUID } from 'node:crypto';
import type { ChannelSender, OutboundMessage } from '../../channels/outbound';

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

export const senderFor = (senders: ChannelSenders, channel: OutboundMessage['channel']) =>
  senders[channel] ?? loopbackSender;
