// A bounce without a delivery report part: older MTAs (qmail, Exim and Notes setups, Exchange relays) and some
// hosted services send prose only. It is recognised by who sends it and how it is titled (both, or a bounce
// title on a mail with the null return path that only bounces carry), and tied to our reply through the
// Message-ID it quotes. Without this, such a bounce opened a ticket for the mailer daemon (issue 14).

import type { ParsedMail } from 'mailparser';
import type { Bounce, BounceSource } from './bounce';
import { quotedMessageIds, returnedMessageId } from './returnedMessage';

// Senders that only ever send reports: mailer daemons, postmasters, Exchange's system mailbox.
const SYSTEM_SENDER = /^(mailer-?daemon|postmaster|mail-?daemon|microsoftexchange[0-9a-f]{16,})(@|$)/i;
const SYSTEM_NAME = /^mail delivery (system|subsystem)$/i;

// How MTAs title a bounce. Each is anchored: "Fwd: Undeliverable: …" is a person passing one on.
const FAILURE_SUBJECTS = [
  /^undeliver(ed|able)\b/i, // Postfix "Undelivered Mail Returned to Sender", Exchange "Undeliverable: …"
  /^delivery status notification \((failure|failed)\)/i, // Gmail
  /^mail delivery (failed|failure)/i, // Exim
  /^failure notice\b/i, // qmail, Yahoo
  /^returned mail\b/i, // sendmail
  /^delivery failure\b/i, // Lotus Notes "DELIVERY FAILURE: …"
  /^(message|mail) (not delivered|delivery failed)\b/i,
  /^non[- ]?delivery (report|notification)/i,
  /^(delivery|mail) (has )?failed\b/i,
];
const DELAY_SUBJECTS = [
  /^delivery status notification \(delay\)/i, // Gmail
  /^delayed mail\b/i, // Postfix "Delayed Mail (still being retried)"
  /^warning: could not send message\b/i, // sendmail
  /^delivery delayed\b/i, // Exchange
  /^mail delivery (delayed|warning)\b/i, // Exim
];
// Words in a daemon's mail that mark it as a bounce even under a title we do not know.
const FAILURE_WORDS =
  /could not be delivered|couldn'?t be delivered|wasn'?t delivered|delivery has failed|permanent (fatal )?error|returned to sender|undeliverable/i;
const DELAY_WORDS = /will (be )?retr(y|ied)|still (being )?(re)?tr(ying|ied)|has not yet been delivered|delayed/i;

export function parsePlainBounce(mail: BounceSource): Bounce | null {
  const subject = (mail.subject ?? '').trim();
  const text = mail.text ?? '';
  const systemSender = isSystemSender(mail.from);
  const failureTitle = FAILURE_SUBJECTS.some((r) => r.test(subject));
  const delayTitle = DELAY_SUBJECTS.some((r) => r.test(subject));
  const bounceTitle = failureTitle || delayTitle;
  const isBounce =
    (systemSender && (bounceTitle || FAILURE_WORDS.test(text) || DELAY_WORDS.test(text))) ||
    (bounceTitle && hasNullReturnPath(mail));
  if (!isBounce) return null;

  const original = returnedMessageId(mail.attachments);
  const quoted = [...new Set([...(original ? [original] : []), ...quotedMessageIds(text)])];
  const status = text.match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1] ?? null;
  const delayed = delayTitle || (!failureTitle && (status?.startsWith('4') || DELAY_WORDS.test(text)));
  return {
    kind: delayed ? 'delayed' : 'failed',
    format: 'plain',
    originalMessageId: quoted[0] ?? null,
    quotedMessageIds: quoted,
    recipient: failedRecipient(text),
    status,
    diagnostic: diagnosticLine(text),
  };
}

function isSystemSender(from: ParsedMail['from']): boolean {
  return (from?.value ?? []).some(
    (a) => SYSTEM_SENDER.test(a.address ?? '') || SYSTEM_NAME.test(a.name ?? '') || SYSTEM_SENDER.test(a.name ?? ''),
  );
}

// Only bounces (and other reports) are sent with `Return-Path: <>`, so nothing can bounce back to them.
function hasNullReturnPath(mail: BounceSource): boolean {
  const value = mail.headers.get('return-path') as { text?: string } | string | undefined;
  const text = typeof value === 'string' ? value : (value?.text ?? null);
  return text !== null && /^\s*<?\s*>?\s*$/.test(text);
}

/** The address the bounce is about, as MTAs put it in prose. */
function failedRecipient(text: string): string | null {
  const address = '([^\\s<>"(),;:@]+@[^\\s<>"(),;:@]+\\.[^\\s<>"(),;:@]+)';
  const patterns = [
    new RegExp(`(?:final|original)-recipient:\\s*rfc822;\\s*<?${address}>?`, 'i'), // a report pasted as text
    new RegExp(`^\\s*<${address}>:`, 'm'), // Postfix and qmail: "<x@y>:" then the reason
    new RegExp(`(?:delivered|delivery) to:?\\s+(?:the following recipients?:?\\s*)?<?${address}>?`, 'i'), // Gmail, Notes
    new RegExp(`address\\(es\\) failed:\\s*\\n\\s*<?${address}`, 'i'), // Exim
    new RegExp(`recipients? or groups?:\\s*\\n\\s*(?:[^\\n<]*<)?${address}`, 'i'), // Exchange
    new RegExp(`\\b(?:to|recipient):?\\s*<?${address}>?`, 'i'),
  ];
  for (const pattern of patterns) {
    const found = text.match(pattern)?.[1];
    if (found) return found.replace(/[.>]+$/, '');
  }
  return null;
}

/** The remote server's answer: the first line quoting an SMTP reply code, joined with its wrapped lines. */
function diagnosticLine(text: string): string | null {
  const match = text.match(/\b[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\b)?[^\n]*(?:\n[ \t]+[^\n]+)*/);
  return match ? match[0].replace(/\s+/g, ' ').trim() : null;
}
