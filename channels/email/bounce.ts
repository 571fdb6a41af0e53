// A delivery status notification (RFC 3464) tells us one of our replies never arrived, or is late. It is read
// from its machine part (message/delivery-status) rather than the prose every MTA words differently, and tied
// back to our outbound message by the Message-ID of the returned copy: Postfix returns the whole message
// (message/rfc822) or only its headers (text/rfc822-headers). A bounce without that part is recognised by its
// sender and subject instead (plainBounce.ts).
//
// mailparser folds message/delivery-status into the text unless told otherwise: parse with
// `{ keepDeliveryStatus: true }` (parseInboundEmail does) so the report arrives as an attachment.

import type { Attachment, ParsedMail, StructuredHeader } from 'mailparser';
import { parsePlainBounce } from './plainBounce';
import { fieldBlocks, ORIGINAL_PARTS, quotedMessageIds, returnedMessageId } from './returnedMessage';

export interface Bounce {
  /**
   * failed: it will never arrive. delayed: a server is still trying (Action: delayed, a 4.x.x status), so the
   * reply is not failed. delivered: a report that it arrived (asked for or not).
   */
  kind: 'failed' | 'delayed' | 'delivered';
  /** How it was recognised: a delivery report part, or the sender, subject and words of a plain-text bounce. */
  format: 'dsn' | 'plain';
  /** The Message-ID of the message that bounced, angle brackets kept: our outbound message's provider id. */
  originalMessageId: string | null;
  /** Every Message-ID the report quotes, the returned copy's first: any of them may be one of ours. */
  quotedMessageIds: string[];
  recipient: string | null;
  /** The enhanced status code, e.g. 5.1.1 (permanent) or 4.4.1 (the MTA gave up on a temporary failure). */
  status: string | null;
  /** What the remote server said, e.g. "550 5.1.1 <x@y>: Recipient address rejected: User unknown". */
  diagnostic: string | null;
}

const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);

export type BounceSource = Pick<ParsedMail, 'headers' | 'attachments' | 'text' | 'subject' | 'from'>;

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

/** The bounce this mail is, if it is one: a delivery report, else a plain-text bounce. */
export function parseBounce(mail: BounceSource): Bounce | null {
  return isDeliveryReport(mail) ? parseDeliveryReport(mail) : parsePlainBounce(mail);
}

function parseDeliveryReport(mail: BounceSource): Bounce {
  const report = mail.attachments.find((a) => STATUS_PARTS.has(a.contentType.toLowerCase()));
  // The first block is about the message; one block per recipient follows. A failed one is the news, then a delay.
  const recipients = report ? fieldBlocks(report.content.toString('utf8')).slice(1) : [];
  const action = (r: Map<string, string>) => r.get('action')?.toLowerCase() ?? '';
  const chosen =
    recipients.find((r) => action(r) === 'failed') ?? recipients.find((r) => action(r) === 'delayed') ?? recipients[0];
  const recipient = chosen?.get('final-recipient') ?? chosen?.get('original-recipient');
  const diagnostic = chosen?.get('diagnostic-code');
  const status = chosen?.get('status') ?? null;
  const originalMessageId = returnedMessageId(mail.attachments);
  return {
    kind: reportKind(chosen ? action(chosen) : '', status),
    format: 'dsn',
    originalMessageId,
    quotedMessageIds: [
      ...new Set([...(originalMessageId ? [originalMessageId] : []), ...quotedMessageIds(mail.text ?? '')]),
    ],
    recipient: recipient ? withoutType(recipient).replace(/^<|>$/g, '') : null,
    status,
    diagnostic: diagnostic ? withoutType(diagnostic) : null,
  };
}

// RFC 3464: delivered, relayed and expanded are news of success; delayed is a transient failure still retried.
function reportKind(action: string, status: string | null): Bounce['kind'] {
  if (action === 'delayed') return 'delayed';
  if (['delivered', 'relayed', 'expanded'].includes(action)) return 'delivered';
  if (action === 'failed') return 'failed';
  return status?.startsWith('4') ? 'delayed' : status?.startsWith('2') ? 'delivered' : 'failed';
}

// "rfc822; nobody@x.example" and "smtp; 550 …" name the kind of value first.
const withoutType = (value: string) => value.replace(/^[\w-]+;\s*/, '').trim();
