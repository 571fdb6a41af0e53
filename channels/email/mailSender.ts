// Who sent a mail, for the customer it is filed under. A mail is never refused for its From: the first usable
// From mailbox wins, then Sender, Reply-To and Return-Path; with none of them usable the mail still comes in,
// from a customer named by what the From header shows ("Unknown sender" when it shows nothing).

import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';

export type SenderSource = 'from' | 'sender' | 'reply-to' | 'return-path';

export interface MailSender {
  /** The address replies go to, as written; null when no header held one we can use. */
  address: string | null;
  /** The display name with that address, or (without an address) the text the customer is named by. */
  name?: string;
  /** Which header the address came from; null without one. */
  source: SenderSource | null;
  /** Every From header as the mail carried it, unfolded, one per line; null when there was none. */
  fromHeader: string | null;
}

export const UNKNOWN_SENDER = 'Unknown sender';
const MAX_NAME_LENGTH = 200;

// An address we can answer and file a customer under: one @, a dotted domain (as customer identities require),
// and none of the characters that show a header was mangled ("Lottery"@example.com>, a stray comma or quote).
const USABLE_ADDRESS = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

export function isUsableAddress(address: string | undefined): address is string {
  return !!address && USABLE_ADDRESS.test(address.trim());
}

export async function mailSender(mail: ParsedMail): Promise<MailSender> {
  const fromLines = headerValues(mail, 'from');
  const fromHeader = fromLines.length ? fromLines.join('\n') : null;
  // mailparser reads only the first From header; a second one (after a junk first) is parsed here.
  const fromMailboxes = [...mailboxes(mail.from), ...(await Promise.all(fromLines.slice(1).map(parseFromLine))).flat()];
  const candidates: [SenderSource, EmailAddress[]][] = [
    ['from', fromMailboxes],
    ['sender', mailboxes(mail.headers.get('sender') as AddressObject | undefined)],
    ['reply-to', mailboxes(mail.replyTo)],
    ['return-path', mailboxes(mail.headers.get('return-path') as AddressObject | undefined)],
  ];
  for (const [source, list] of candidates) {
    const found = list.find((a) => isUsableAddress(a.address));
    if (found) {
      const name = found.name?.trim();
      return { address: found.address!.trim(), ...(name ? { name } : {}), source, fromHeader };
    }
  }
  return { address: null, name: displayText(fromMailboxes, fromLines), source: null, fromHeader };
}

/** What the From header shows a reader: the first name or address text in it, else its raw text. */
function displayText(fromMailboxes: EmailAddress[], fromLines: string[]): string {
  const shown = [
    ...fromMailboxes.flatMap((a) => [a.name, a.address]),
    ...fromLines.map((line) => line.replace(/^<|>$/g, '')),
  ].find((text) => text && /[\p{L}\p{N}]/u.test(text));
  return shown ? shown.trim().slice(0, MAX_NAME_LENGTH) : UNKNOWN_SENDER;
}

function mailboxes(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((o) => o.value ?? []).flatMap((a) => (a.group ? a.group : [a]));
}

/** One more From header, decoded (RFC 2047 names) the way mailparser decodes the first. */
async function parseFromLine(value: string): Promise<EmailAddress[]> {
  const parsed = await simpleParser(Buffer.from(`From: ${value}\r\n\r\n`));
  return mailboxes(parsed.from);
}

/**
 * A header's values as written, unfolded, in the mail's order. mailparser keeps each raw byte of a header line as one
 * latin1 character; raw 8-bit headers reach it as UTF-8 (repairCharsets.ts converts legacy ones first), so the bytes
 * are read back as UTF-8.
 */
function headerValues(mail: ParsedMail, name: string): string[] {
  return mail.headerLines
    .filter((h) => h.key === name)
    .map((h) => {
      const line = h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ');
      return asUtf8(line).trim();
    });
}

function asUtf8(latin1Bytes: string): string {
  const bytes = Buffer.from(latin1Bytes, 'latin1');
  // Characters above U+00FF mean mailparser already decoded the line: leave it.
  if (bytes.toString('latin1') !== latin1Bytes) return latin1Bytes;
  const text = bytes.toString('utf8');
  return text.includes('\ufffd') ? latin1Bytes : text;
}
