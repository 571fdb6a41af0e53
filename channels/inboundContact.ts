// The one shape every channel hands to the server's intake: a contact as the customer sent it, normalised.
// Channels produce it; they never import server/.

export type ContactChannel = 'voice' | 'sms' | 'email';

export interface InboundAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Where the bytes are: a file in the server's file store (`files:<sha256>`), or the provider's media URL. */
  location: string;
}

export interface InboundContact {
  channel: ContactChannel;
  /**
   * Who sent it, as the channel saw it; intake normalises it (E.164 phone, lowercased email). An email with no
   * address we could use has an empty `value` and `name` saying who it shows: it gets a customer of its own.
   */
  from: { kind: 'phone' | 'email'; value: string; name?: string };
  /** The sender exactly as the mail carried it (its From header), kept on the message whatever `from` became. */
  fromHeader?: string;
  /** Our address it was sent to (the company's number or mailbox). */
  to: string;
  /** The provider's id for this contact (MessageSid, Message-ID, CallSid): a redelivery stores nothing new. */
  providerId: string;
  subject?: string;
  text: string;
  html?: string;
  attachments?: InboundAttachment[];
  /** Channel details kept with the message (Twilio parameters, mail headers…). */
  metadata?: Record<string, unknown>;
  /** A queue chosen upstream (an IVR choice); otherwise the channel's entry queue. */
  queueId?: string;
  /**
   * A notice about the conversation rather than part of it (an SMS STOP or HELP): stored on the customer's
   * open ticket if there is one, else on a new ticket filed as resolved. It never reopens a ticket or pages an agent.
   */
  noticeOnly?: boolean;
  /** Threading hints: provider ids this contact replies to, and a ticket number quoted in it. */
  replyTo?: { providerIds?: string[]; ticketNumber?: number };
}
