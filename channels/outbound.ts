// The contract between the server's send job and a channel's provider adapter.

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
  /** The provider's id of this message if the provider has it (sent since `since`), else null. */
  findSent?(message: OutboundMessage, since: Date): Promise<string | null>;
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
