// How a customer's mail finds its ticket: the Message-IDs it answers (In-Reply-To, then References, which
// mail clients keep even when a customer edits the subject) and, for clients that drop those headers, the
// ticket number we put in every reply's subject. Intake decides what a hint is worth (a number in a
// subject is only a claim: it must belong to the same customer).

import type { ParsedMail } from 'mailparser';

const MESSAGE_ID = /<[^<>\s]+>/g;
const TICKET_TOKEN = /\[#(\d{1,9})\]/;
const TICKET_TOKENS = /\s*\[#\d{1,9}\]\s*/g;
// Reply prefixes mail clients add, in the languages our customers write (Outlook's German AW, Chinese clients'
// 回复/答复), with an ASCII or a full-width colon; stacked ones ("Re: RE:") are peeled one by one.
const REPLY_PREFIX = /^\s*(?:re|aw|回复|答复)\s*(?:\[\d+\])?\s*[:：]\s*/i;

export type ThreadingSource = Pick<ParsedMail, 'inReplyTo' | 'references' | 'subject'>;

export interface ThreadingHints {
  /** Message-IDs, angle brackets kept, In-Reply-To first, without repeats. */
  providerIds: string[];
  ticketNumber?: number;
}

export function threadingHints(mail: ThreadingSource): ThreadingHints {
  const ticketNumber = ticketNumberInSubject(mail.subject);
  return { providerIds: repliedToIds(mail), ...(ticketNumber === null ? {} : { ticketNumber }) };
}

/** The Message-IDs a mail answers: every `<…>` in In-Reply-To, then in References, each once, in order. */
export function repliedToIds(mail: Pick<ParsedMail, 'inReplyTo' | 'references'>): string[] {
  const references = Array.isArray(mail.references) ? mail.references : [mail.references];
  const ids = [mail.inReplyTo, ...references].flatMap((value) => (value ? (value.match(MESSAGE_ID) ?? []) : []));
  return [...new Set(ids)];
}

/** The ticket number of the first `[#1234]` token in a subject, wherever the customer's client moved it. */
export function ticketNumberInSubject(subject: string | null | undefined): number | null {
  const match = subject?.match(TICKET_TOKEN);
  return match ? Number(match[1]) : null;
}

export const subjectToken = (ticketNumber: number) => `[#${ticketNumber}]`;

/** The subject of our reply on a ticket: one "Re:", the ticket's subject without old tokens, our token last. */
export function replySubject(ticketSubject: string | null | undefined, ticketNumber: number): string {
  let subject = (ticketSubject ?? '').replace(TICKET_TOKENS, ' ');
  for (let previous = ''; previous !== subject;) {
    previous = subject;
    subject = subject.replace(REPLY_PREFIX, '');
  }
  subject = subject.replace(/\s+/g, ' ').trim();
  return subject ? `Re: ${subject} ${subjectToken(ticketNumber)}` : `Re: ${subjectToken(ticketNumber)}`;
}
