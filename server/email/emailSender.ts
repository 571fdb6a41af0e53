// The ChannelSender for email: each message leaves through the SMTP server of the mailbox it belongs to (the
// simulated mailbox's go, composed the same way, to the simulator's outbox).
// The send task hands over the generic OutboundMessage; the threading headers, the mailbox and the files
// are read here from the row, so everything a resend needs comes from the database, never from memory.
//
// SMTP cannot be asked afterwards whether a message went out, so there is no `findSent`: a send whose outcome
// is unknown (or whose process died mid-send) is sent again by the outbound reconciler. It carries the same
// Message-ID (chosen when the row was stored), and the recipient's mail client shows two copies with one
// Message-ID as one message.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import { createSmtpSender, type EmailOutboundMessage } from '../../channels/email/smtpSender';
import { SendError, type ChannelSender } from '../../channels/outbound';
import type { Sql } from '../db/client';
import type { FileStore } from '../files/fileStore';
import { locateFile, type LocatedFile } from '../files/locatedFile';
import type { SecretBox } from '../secrets/secretBox';
import { domainOf, type EmailThreadMetadata } from './replyThreading';
import { simulatorOutboxTransport } from './simulatorOutboxTransport';

interface Deps {
  sql: Sql;
  /** Where the attachments' bytes are read from. */
  files: FileStore;
  /** Where an older version kept files that are not moved into the store yet (`attachments/<hash>`). */
  dataDir: string;
  /** Opens the mailbox's sealed SMTP password. */
  secrets: SecretBox;
  /** A mail from the simulated mailbox reached its simulated customer's inbox. */
  onSimulatedMail?: (customerAddress: string) => void;
}

interface MailboxSmtp {
  mailboxId: string | null;
  simulated: boolean | null;
  name: string | null;
  address: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpTls: boolean;
  smtpUser: string | null;
  smtpPasswordEncrypted: string | null;
}

interface StoredAttachment {
  filename: string;
  contentType: string;
  location: string;
}

// Bounded waits, so a silent server fails the attempt (and it is retried) instead of holding a worker.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createEmailSender({ sql, files, dataDir, secrets, onSimulatedMail = () => {} }: Deps): ChannelSender {
  // One transport per mailbox, replaced when its SMTP settings change.
  const transports = new Map<string, { version: string; transport: Transporter }>();

  function transportFor(mailbox: MailboxSmtp & { mailboxId: string; smtpHost: string }) {
    const settings = {
      host: mailbox.smtpHost,
      port: mailbox.smtpPort ?? (mailbox.smtpTls ? 465 : 587),
      // smtp_tls: TLS from the first byte (port 465); otherwise STARTTLS whenever the server offers it.
      secure: mailbox.smtpTls,
      ...(mailbox.smtpUser
        ? {
            auth: {
              user: mailbox.smtpUser,
              pass: mailbox.smtpPasswordEncrypted ? secrets.open(mailbox.smtpPasswordEncrypted) : '',
            },
          }
        : {}),
    };
    const version = createHash('sha256').update(JSON.stringify(settings)).digest('hex');
    const cached = transports.get(mailbox.mailboxId);
    if (cached?.version === version) return cached.transport;
    cached?.transport.close();
    const transport = nodemailer.createTransport({ ...settings, ...TIMEOUTS });
    transports.set(mailbox.mailboxId, { version, transport });
    return transport;
  }

  return {
    async send(message) {
      const [row] = await sql<(MailboxSmtp & { metadata: Partial<EmailThreadMetadata> })[]>`
        select m.metadata, b.id as mailbox_id, b.simulated, b.name, b.address, b.smtp_host, b.smtp_port, b.smtp_tls, b.smtp_user, b.smtp_password_encrypted
        from messages m left join mailboxes b on b.id = m.mailbox_id
        where m.id = ${message.id}`;
      if (!row?.mailboxId)
        throw new SendError(
          'The message belongs to no mailbox, so there is no SMTP server to send it through.',
          'no_smtp',
          false,
        );
      if (!row.simulated && !row.smtpHost)
        throw new SendError(`Mailbox ${row.name} has no SMTP server configured.`, 'no_smtp', false);
      const transport = row.simulated
        ? simulatorOutboxTransport({ sql, mailboxId: row.mailboxId, onDelivered: onSimulatedMail })
        : transportFor({ ...row, mailboxId: row.mailboxId, smtpHost: row.smtpHost! });

      const email: EmailOutboundMessage = {
        ...message,
        from: message.from ?? row.address,
        html: textToHtml(message.text),
        attachments: await storedFiles(sql, files, dataDir, message.id),
        ...(row.metadata.messageId ? { messageId: row.metadata.messageId } : {}),
        ...(row.metadata.inReplyTo ? { inReplyTo: row.metadata.inReplyTo } : {}),
        ...(row.metadata.references?.length ? { references: row.metadata.references } : {}),
      };
      const smtp = createSmtpSender({ transport, from: row.address!, domain: domainOf(row.address!) });
      const sent = await smtp.send(email);
      return row.simulated ? { ...sent, transport: 'simulator' } : sent;
    },
  };
}

/**
 * The message's files, each checked to be in the store before any byte leaves (a missing one fails the send for
 * good). Their bytes are read from the store only as the mail is written out, one file at a time.
 */
async function storedFiles(sql: Sql, files: FileStore, dataDir: string, messageId: string) {
  const rows = await sql<StoredAttachment[]>`
    select filename, content_type, location from message_attachments where message_id = ${messageId} order by created_at, id`;
  return Promise.all(
    rows.map(async ({ filename, contentType, location }) => {
      const file = await locateFile(files, dataDir, location);
      if (!file)
        throw new SendError(
          `The attachment ${filename} is not in the file store (${location}).`,
          'attachment_missing',
          false,
        );
      return { filename, contentType, content: whenRead(file) };
    }),
  );
}

/** The file's bytes, opened on the first read: a send that fails before the body is written opens nothing. */
function whenRead(file: LocatedFile): Readable {
  return Readable.from(
    (async function* () {
      yield* await file.open();
    })(),
    { objectMode: false },
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The plain-text body as HTML: escaped, line breaks kept, so HTML-only clients show the same text. */
export function textToHtml(text: string) {
  const escaped = text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]).replace(/\r?\n/g, '<br>');
  return `<!doctype html><html><body><div style="white-space: pre-wrap">${escaped}</div></body></html>`;
}
