// A delivery status notification (RFC 3464) tells us one of our replies never arrived. It is read from its
// machine part (message/delivery-status) rather than the prose every MTA words differently, and tied back
// to our outbound message by the Message-ID of the returned copy: Postfix returns the whole message
// (message/rfc822) or only its headers (text/rfc822-headers).
//
// mailparser folds message/delivery-status into the text unless told otherwise: parse with
// `{ keepDeliveryStatus: true }` (parseInboundEmail does) so the report arrives as an attachment.

import type { Attachment, ParsedMail, StructuredHeader } from 'mailparser';

export interface Bounce {
  /** The Message-ID of the message that bounced, angle brackets kept: our outbound message's provider id. */
  originalMessageId: string | null;
  recipient: string | null;
  /** The enhanced status code, e.g. 5.1.1 (permanent) or 4.4.1 (the MTA gave up on a temporary failure). */
  status: string | null;
  /** What the remote server said, e.g. "550 5.1.1 <x@y>: Recipient address rejected: User unknown". */
  diagnostic: string | null;
}

const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_PARTS = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);

export type BounceSource = Pick<ParsedMail, 'headers' | 'attachments'>;

export function isDeliveryReport(mail: Pick<ParsedMail, 'headers'>): boolean {
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  return (
    contentType?.value?.toLowerCase() === 'multipart/report' &&
    contentType.params?.['report-type']?.toLowerCase() === 'delivery-status'
  );
}

/** The report parts a bounce was read from; they describe the bounce and are not the customer's files. */
export const isReportPart = (attachment: Pick<Attachment, 'contentType'>) =>
  STATUS_PARTS.has(attachment.contentType.toLowerCase()) || ORIGINAL_PARTS.has(attachment.contentType.toLowerCase());

export function parseBounce(mail: BounceSource): Bounce | null {
  if (!isDeliveryReport(mail)) return null;
  const report = mail.attachments.find((a) => STATUS_PARTS.has(a.contentType.toLowerCase()));
  const original = mail.attachments.find((a) => ORIGINAL_PARTS.has(a.contentType.toLowerCase()));
  // The first block is about the message; one block per recipient follows. The failed one is the news.
  const recipients = report ? fieldBlocks(report.content.toString('utf8')).slice(1) : [];
  const failed = recipients.find((r) => r.get('action')?.toLowerCase() === 'failed') ?? recipients[0];
  const recipient = failed?.get('final-recipient') ?? failed?.get('original-recipient');
  const diagnostic = failed?.get('diagnostic-code');
  return {
    originalMessageId: original ? messageIdOf(original.content.toString('utf8')) : null,
    recipient: recipient ? withoutType(recipient).replace(/^<|>$/g, '') : null,
    status: failed?.get('status') ?? null,
    diagnostic: diagnostic ? withoutType(diagnostic) : null,
  };
}

/** Header-style blocks separated by blank lines, folded lines joined, names lowercased. */
function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

function messageIdOf(message: string): string | null {
  const [headers] = fieldBlocks(message.split(/\r?\n\r?\n/)[0]);
  const value = headers?.get('message-id');
  return value ? (value.match(/<[^<>\s]+>/)?.[0] ?? value) : null;
}

// "rfc822; nobody@x.example" and "smtp; 550 …" name the kind of value first.
const withoutType = (value: string) => value.replace(/^[\w-]+;\s*/, '').trim();
