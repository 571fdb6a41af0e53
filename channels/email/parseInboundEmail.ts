// One raw RFC 822 message, as IMAP hands it over → the contact intake stores, plus the bytes of the files
// the server will store (and link as the contact's attachments) and what it should know before routing:
// whether a machine sent it and whether it reports one of our replies as undeliverable.

import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail, type SimpleParserOptions } from 'mailparser';
import type { InboundContact } from '../inboundContact';
import { storableDeep } from '../textSafety';
import { isReportPart, parseBounce, type Bounce } from './bounce';
import { classifyAutomation, type AutomationVerdict } from './emailAutomation';
import { htmlToPlainText, sanitizeEmailHtml } from './sanitizeEmailHtml';
import { repliedToIds, threadingHints } from './threadingHeaders';

export class InvalidEmailError extends Error {}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  sizeBytes: number;
  /** The Content-ID without angle brackets, for the sanitised HTML's `cid:` images. */
  contentId?: string;
}

export interface RejectedAttachment {
  filename: string;
  sizeBytes: number;
  reason: string;
}

export interface ParsedInboundEmail {
  contact: InboundContact;
  attachments: EmailAttachment[];
  rejectedAttachments: RejectedAttachment[];
  automation: AutomationVerdict;
  bounce: Bounce | null;
}

export interface ParseInboundEmailOptions {
  /** Larger files are listed in rejectedAttachments and not returned. */
  maxAttachmentBytes: number;
}

/** How every inbound mail is parsed: reports as attachments (bounce.ts reads them), cid: links left for the console. */
export const emailParserOptions: SimpleParserOptions = { keepDeliveryStatus: true, keepCidLinks: true };

export async function parseInboundEmail(raw: Buffer, options: ParseInboundEmailOptions): Promise<ParsedInboundEmail> {
  const mail = await simpleParser(raw, emailParserOptions);
  const sender = mail.from?.value.find((a) => a.address);
  if (!sender?.address) throw new InvalidEmailError('From is missing');

  const bounce = parseBounce(mail);
  const automation = classifyAutomation(mail.headers, sender.address);
  const html = typeof mail.html === 'string' ? sanitizeEmailHtml(mail.html) : undefined;
  const hints = threadingHints(mail);
  const { attachments, rejectedAttachments } = splitAttachments(mail, bounce !== null, options.maxAttachmentBytes);

  const contact: InboundContact = {
    channel: 'email',
    from: { kind: 'email', value: sender.address, ...(sender.name ? { name: sender.name } : {}) },
    to: addresses(mail.to)[0] ?? deliveredTo(mail) ?? '',
    // Without a Message-ID the bytes themselves are the identity, so fetching the same mail again stores nothing new.
    providerId: mail.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@switchboard.local>`,
    ...(mail.subject !== undefined ? { subject: mail.subject } : {}),
    // mailparser renders HTML-only mail as text; the fallback covers a rendering that failed.
    text: mail.text ?? (html ? htmlToPlainText(html) : ''),
    ...(html ? { html } : {}),
    metadata: {
      cc: addresses(mail.cc),
      replyToAddresses: addresses(mail.replyTo),
      messageId: mail.messageId ?? null,
      inReplyTo: mail.inReplyTo ?? null,
      references: repliedToIds({ references: mail.references }),
      date: mail.date?.toISOString() ?? null,
      autoSubmitted: rawHeader(mail, 'auto-submitted'),
      precedence: rawHeader(mail, 'precedence'),
      listId: rawHeader(mail, 'list-id'),
    },
    ...(hints.providerIds.length || hints.ticketNumber !== undefined ? { replyTo: hints } : {}),
  };
  // Names, subject, text and file names as the sender wrote them, with any NUL or broken surrogate kept as U+FFFD.
  return storableDeep({ contact, attachments, rejectedAttachments, automation, bounce });
}

function splitAttachments(mail: ParsedMail, isBounce: boolean, maxBytes: number) {
  const attachments: EmailAttachment[] = [];
  const rejectedAttachments: RejectedAttachment[] = [];
  mail.attachments.forEach((part, i) => {
    // A report's parts are already read into `bounce`; the returned copy is our own reply.
    if (part.contentType.toLowerCase() === 'message/delivery-status' || (isBounce && isReportPart(part))) return;
    const filename = part.filename || `attachment-${i + 1}${extensionFor(part.contentType)}`;
    const sizeBytes = part.content.length;
    if (sizeBytes > maxBytes) {
      rejectedAttachments.push({ filename, sizeBytes, reason: `larger than the ${maxBytes}-byte limit` });
      return;
    }
    attachments.push({
      filename,
      contentType: part.contentType,
      content: part.content,
      sizeBytes,
      ...(part.cid ? { contentId: part.cid } : {}),
    });
  });
  return { attachments, rejectedAttachments };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  // A group ("Team: a@x, b@x;") lists its members.
  return objects
    .flatMap((o) => o.value.flatMap((a) => (a.group ? a.group : [a])))
    .flatMap((a) => (a.address ? [a.address] : []));
}

// A mail that reached us by Bcc names someone else in To; the delivering server says which of our mailboxes got it.
function deliveredTo(mail: ParsedMail): string | undefined {
  return rawHeader(mail, 'delivered-to') ?? rawHeader(mail, 'x-original-to') ?? undefined;
}

/** A header as the sender wrote it, unfolded; null when absent. */
function rawHeader(mail: ParsedMail, name: string): string | null {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim()
    : null;
}

function extensionFor(contentType: string): string {
  const subtype = contentType.split('/')[1]?.split(/[;+]/)[0];
  return subtype && /^[a-z0-9.-]{1,10}$/i.test(subtype) ? `.${subtype}` : '.bin';
}
