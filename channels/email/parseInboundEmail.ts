// One raw RFC 822 message, as IMAP hands it over → the contact intake stores, plus the bytes of the files
// the server will store (and link as the contact's attachments) and what it should know before routing:
// whether a machine sent it and whether it reports one of our replies as undeliverable.

import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail, type SimpleParserOptions } from 'mailparser';
import type { InboundContact } from '../inboundContact';
import { storableDeep } from '../textSafety';
import { isReportPart, parseBounce, type Bounce } from './bounce';
import { classifyAutomation, type AutomationVerdict } from './emailAutomation';
import { mailSender } from './mailSender';
import { repairCharsets } from './repairCharsets';
import { htmlToPlainText, sanitizeEmailHtml } from './sanitizeEmailHtml';
import { repliedToIds, threadingHints } from './threadingHeaders';
import { isUuencodeTransfer, uudecodePart, uuencodedFiles, type UuencodedFile } from './uuencode';

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
  // Legacy charsets made explicit first: mailparser trusts labels, and reads unlabelled header bytes as UTF-8.
  const mail = await simpleParser(repairCharsets(raw), emailParserOptions);
  // Never refused for its From: without a usable address, `from.value` is empty and `from.name` says who it shows.
  const sender = await mailSender(mail);

  const bounce = parseBounce(mail);
  const automation = classifyAutomation(mail.headers, sender.address ?? sender.name);
  const html = typeof mail.html === 'string' ? sanitizeEmailHtml(mail.html) : undefined;
  const hints = threadingHints(mail);
  // Files uuencoded into the plain text come out of it as attachments.
  const inline = mail.text === undefined ? null : uuencodedFiles(mail.text);
  const { attachments, rejectedAttachments } = splitAttachments(
    mail,
    bounce !== null,
    options.maxAttachmentBytes,
    inline?.files ?? [],
  );

  const contact: InboundContact = {
    channel: 'email',
    from: { kind: 'email', value: sender.address ?? '', ...(sender.name ? { name: sender.name } : {}) },
    ...(sender.fromHeader !== null ? { fromHeader: sender.fromHeader } : {}),
    to: addresses(mail.to)[0] ?? deliveredTo(mail) ?? '',
    // Without a Message-ID the bytes themselves are the identity, so fetching the same mail again stores nothing new.
    providerId: mail.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@switchboard.local>`,
    ...(mail.subject !== undefined ? { subject: mail.subject } : {}),
    // mailparser renders HTML-only mail as text; the fallback covers a rendering that failed.
    text: inline?.text ?? (html ? htmlToPlainText(html) : ''),
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

function splitAttachments(mail: ParsedMail, isBounce: boolean, maxBytes: number, inlineFiles: UuencodedFile[]) {
  const attachments: EmailAttachment[] = [];
  const rejectedAttachments: RejectedAttachment[] = [];
  const parts = mail.attachments
    // A report's parts are already read into `bounce`; the returned copy is our own reply.
    .filter((part) => part.contentType.toLowerCase() !== 'message/delivery-status' && !(isBounce && isReportPart(part)))
    .map(uudecoded);
  const files = [
    ...parts.map((part, i) => ({
      ...part,
      filename: part.filename || `attachment-${i + 1}${extensionFor(part.contentType)}`,
    })),
    ...inlineFiles.map((file) => ({ ...file, contentType: 'application/octet-stream', cid: undefined })),
  ];
  for (const { filename, contentType, content, cid } of files) {
    const sizeBytes = content.length;
    if (sizeBytes > maxBytes) {
      rejectedAttachments.push({ filename, sizeBytes, reason: `larger than the ${maxBytes}-byte limit` });
      continue;
    }
    attachments.push({ filename, contentType, content, sizeBytes, ...(cid ? { contentId: cid } : {}) });
  }
  return { attachments, rejectedAttachments };
}

/** A part sent as x-uuencode (mailparser passes it through encoded) as the file it carries. */
function uudecoded(part: ParsedMail['attachments'][number]) {
  const base = { filename: part.filename, contentType: part.contentType, content: part.content, cid: part.cid };
  const encoding = part.headers.get('content-transfer-encoding');
  const file = isUuencodeTransfer(typeof encoding === 'string' ? encoding : undefined)
    ? uudecodePart(part.content)
    : null;
  return file ? { ...base, filename: part.filename || file.filename, content: file.content } : base;
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
