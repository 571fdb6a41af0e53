// Sends agents' replies over SMTP with nodemailer. Threading needs more than the OutboundMessage contract
// carries (Message-ID, In-Reply-To, References), so the server passes an EmailOutboundMessage; the sender sets
// those headers so the customer's client files our reply under their thread, and returns the Message-ID as
// the provider id, which is what the customer's answer will quote back.

import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Transporter } from 'nodemailer';
import { SendError, type ChannelSender, type OutboundMessage } from '../outbound';
import { undeliverableReason } from './deliverableAddress';

export interface EmailOutboundMessage extends OutboundMessage {
  /** Chosen when the row is stored (newMessageId) so a retry sends the same id; without one it derives from `id`. */
  messageId?: string;
  /** The Message-ID of the customer's mail this answers. */
  inReplyTo?: string;
  /** The thread so far, oldest first, as RFC 5322 asks. */
  references?: string[];
  html?: string;
  /** Files already stored by the server: a local path, or their bytes as a stream, read when the message is built. */
  attachments?: ({ filename: string; contentType: string } & ({ path: string } | { content: Readable }))[];
}

export interface SmtpSenderOptions {
  transport: Transporter;
  /** The mailbox replies come from when the message names none, e.g. `Example Support <support@example.com>`. */
  from: string;
  /** The right-hand side of the Message-IDs we make. */
  domain: string;
}

/** A fresh Message-ID of ours: `<32 random hex digits@domain>`. */
export const newMessageId = (domain: string) => `<${randomBytes(16).toString('hex')}@${domain}>`;

/**
 * The Message-ID of a stored outbound row that has none: the same on every attempt, so a resend after an
 * unknown outcome carries the id of the first try and the recipient's client can fold the two.
 */
export const messageIdForRow = (rowId: string, domain: string) =>
  `<${/^[\w.-]{1,64}$/.test(rowId) ? rowId : createHash('sha256').update(rowId).digest('hex').slice(0, 32)}@${domain}>`;

export function createSmtpSender({ transport, from, domain }: SmtpSenderOptions): ChannelSender {
  return {
    async send(message) {
      const email: EmailOutboundMessage = message;
      if (!email.to) throw new SendError('The message has no recipient address.', 'no_recipient', false);
      // Refused before any server is asked: no retry (or other server) can deliver to it.
      const refusal = undeliverableReason(email.to);
      if (refusal)
        throw new SendError(`The address ${email.to} cannot receive mail: ${refusal}.`, 'undeliverable_address', false);
      const messageId = email.messageId ?? messageIdForRow(email.id, domain);
      try {
        await transport.sendMail({
          from: email.from ?? from,
          to: email.to,
          subject: email.subject ?? '',
          text: email.text,
          ...(email.html ? { html: email.html } : {}),
          messageId,
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          ...(email.references?.length ? { references: email.references } : {}),
          attachments: (email.attachments ?? []).map(({ filename, contentType, ...bytes }) => ({
            filename,
            contentType,
            ...('content' in bytes ? { content: bytes.content } : { path: bytes.path }),
          })),
          // Attachment paths are files we stored: never let one make nodemailer fetch a URL.
          disableUrlAccess: true,
        });
      } catch (err) {
        throw smtpSendError(err as SmtpFailure);
      }
      return { providerId: messageId, transport: 'smtp' };
    },
  };
}

/** The fields of a nodemailer error that say what failed (its NodemailerError type). */
export interface SmtpFailure extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
}

// Failures while finding or reaching the server: no byte of the message can have left.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const BEFORE_SESSION_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
// Nodemailer refused before talking to anyone (no recipient, a file it may not read, a bad address, no credentials).
const REFUSED_LOCALLY = new Set([
  'EENVELOPE',
  'EMESSAGE',
  'EFILEACCESS',
  'EURLACCESS',
  'ESTREAM',
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EREQUIRETLS',
]);

/** A nodemailer failure → whether a retry can help and whether the server may already have the message. */
export function smtpSendError(err: SmtpFailure): SendError {
  if (typeof err.responseCode === 'number') {
    // The server answered with a refusal, so it did not take the message. 4xx: try later. 5xx: it never will,
    // except 503 (commands out of sequence), which is about that session, not the message.
    const retryable = err.responseCode < 500 || err.responseCode === 503;
    return new SendError(
      `SMTP ${err.responseCode}: ${err.response ?? err.message}`,
      `smtp_${err.responseCode}`,
      retryable,
    );
  }
  const code = err.originalCode ?? err.code ?? 'network_error';
  if (
    NEVER_CONNECTED.has(code) ||
    err.code === 'EDNS' ||
    (err.code === 'ETIMEDOUT' && BEFORE_SESSION_TIMEOUTS.has(err.timeoutType ?? ''))
  ) {
    return new SendError(`Could not reach the SMTP server: ${err.message}`, code, true);
  }
  if (err.code && REFUSED_LOCALLY.has(err.code))
    return new SendError(`The mail could not be sent: ${err.message}`, err.code, false);
  // The connection broke mid-session. Nodemailer does not say whether that was before the message's final
  // dot or while the server was answering it, so assume the worst: it may have been accepted.
  return new SendError(`The SMTP connection failed: ${err.message}`, code, true, true);
}
