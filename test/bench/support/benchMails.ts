import { ImapFlow } from 'imapflow';
import type { Dovecot } from '../../support/mail/dovecot';

export interface BenchMail {
  messageId: string;
  /** The Message-ID of the mail this one answers; null for the first mail of a thread. */
  repliesTo: string | null;
  raw: Buffer;
}

/**
 * `threads` customers each write a first mail and then answer it (In-Reply-To and References, "Re:" subject),
 * in blocks of 50: fifty first mails, then their fifty replies, so every reply follows its original.
 */
export function threadedMails(threads: number): BenchMail[] {
  const mails: BenchMail[] = [];
  for (let start = 0; start < threads; start += 50) {
    const block = Array.from({ length: Math.min(50, threads - start) }, (_, k) => start + k);
    for (const i of block) mails.push(aMail(i, null));
    for (const i of block) mails.push(aMail(i, `<first-${i}@customer${i}.bench.example>`));
  }
  return mails;
}

function aMail(i: number, repliesTo: string | null): BenchMail {
  const messageId = repliesTo ? `<reply-${i}@customer${i}.bench.example>` : `<first-${i}@customer${i}.bench.example>`;
  const subject = `Order ${1000 + i} has not arrived`;
  const lines = [
    `Message-ID: ${messageId}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    `From: Customer ${i} <customer${i}@customer${i}.bench.example>`,
    'To: Support <support@example.com>',
    `Subject: ${repliesTo ? `Re: ${subject}` : subject}`,
    ...(repliesTo ? [`In-Reply-To: ${repliesTo}`, `References: ${repliesTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    repliesTo
      ? `Any news? It is still not here.\r\n\r\n> Order ${1000 + i} has not arrived.`
      : `Hello,\r\n\r\nmy order ${1000 + i} has not arrived yet. Could you look into it?\r\n\r\nThanks`,
  ];
  return { messageId, repliesTo, raw: Buffer.from(lines.join('\r\n')) };
}

/** Delivers the mails into `user`'s INBOX over one connection, in order. */
export async function appendAll(dovecot: Dovecot, user: string, mails: BenchMail[]) {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  try {
    for (const mail of mails) await client.append('INBOX', mail.raw);
  } finally {
    await client.logout();
  }
}
