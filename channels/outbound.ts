// The contract between the server's send job and a channel's provider adapter.

export interface OutboundMessage {
  id: string;
  channel: 'voice' | 'sms' | 'email';
  to: string | null;
  from: string | null;
  subject: string | null;
  text: string;
  /**
   * Which send of this row this is: 0 first, one more each time it goes back to the queue (a resend after an
   * interrupted send, an agent's retry). A provider's report about an earlier round must not settle this one.
   */
  round?: number;
}

export interface SendResult {
  providerId: string;
  /** What carried it, kept in the message's metadata and shown to the agent. */
  transport: string;
}

/** Where a message is once a provider has it; a status only ever moves on from one to a later one. */
export type DeliveryStatus = 'sent' | 'delivered' | 'undelivered' | 'failed';

/** The provider's own record of a message we sent: its id and where it is. */
export interface ProviderCopy {
  providerId: string;
  status: DeliveryStatus;
  errorCode: string | null;
}

/** Sends one stored outbound message through a provider. Throws a SendError to say whether a retry can help. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * The provider's copies of this message, oldest first: the one with `providerId` when we know its id, else
   * those to the same recipient, from the same sender, with the same text, made since `since`. Only for
   * providers that can be asked (Twilio can; SMTP cannot).
   */
  findSent?(message: OutboundMessage, lookup: { since: Date; providerId: string | null }): Promise<ProviderCopy[]>;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** A later attempt may succeed (network trouble, rate limit, provider outage). */
    readonly retryable: boolean,
    /** The provider may have accepted it before the failure (the connection dropped mid-request): resending could send twice. */
    readonly maybeAccepted = false,
  ) {
    super(message);
  }
}
