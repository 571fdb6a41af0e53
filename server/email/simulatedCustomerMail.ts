// A simulated customer writes to the simulated mailbox: the mail is composed as real RFC 822 bytes, as the
// customer's mail client would, and handed to the same intake IMAP mail goes through, so threading, loop and
// bounce rules and the auto-acknowledgement all apply to it.

import MailComposer from 'nodemailer/lib/mail-composer';
import { htmlToPlainText } from '../../channels/email/sanitizeEmailHtml';
import { newMessageId } from '../../channels/email/smtpSender';
import type { AppContext } from '../context';
import { HttpError } from '../http/httpError';
import { rooms } from '../realtime/rooms';
import { maybeAutoAcknowledge } from './autoAcknowledge';
import { processInboundEmail } from './processInboundEmail';
import { domainOf } from './replyThreading';
import { ensureSimulatedMailbox } from './simulatedMailbox';
import { findOutboxMail, recordSimulatedMail } from './simulatorMailStore';

// As mail clients do (and replyThreading), only the newest ids of a long thread are kept.
const MAX_REFERENCES = 20;

export interface SimulatedCustomerMail {
  from: string;
  name?: string;
  subject: string;
  /** Empty when only `html` is given: the plain part is then made from the HTML, as mail clients do. */
  text: string;
  /** The customer's client sends formatted mail: this HTML goes with the text, as multipart/alternative. */
  html?: string;
  /** The id of a mail in the customer's inbox (one we sent): the new mail answers it. */
  inReplyTo?: string;
}

export async function sendSimulatedCustomerMail(ctx: AppContext, input: SimulatedCustomerMail) {
  const mailbox = await ensureSimulatedMailbox(ctx.sql);
  if (input.from === mailbox.address) {
    throw new HttpError(400, 'invalid_input', 'from must be the customer’s address, not the support mailbox’s', [
      { path: 'from', message: 'is the support mailbox itself' },
    ]);
  }
  const answered = input.inReplyTo ? await findOutboxMail(ctx.sql, input.inReplyTo, input.from) : null;
  if (input.inReplyTo && !answered) {
    throw new HttpError(400, 'invalid_input', `inReplyTo names no mail that ${input.from} received`, [
      { path: 'inReplyTo', message: 'is not a mail in this address’s inbox' },
    ]);
  }
  const messageId = newMessageId(domainOf(input.from));
  const raw = await new MailComposer({
    from: input.name ? { name: input.name, address: input.from } : input.from,
    to: mailbox.address,
    subject: input.subject || (answered ? `Re: ${answered.subject}` : ''),
    text: input.text.trim() || !input.html ? input.text : htmlToPlainText(input.html),
    ...(input.html ? { html: input.html } : {}),
    messageId,
    date: new Date(),
    ...(answered
      ? {
          inReplyTo: answered.messageId,
          references: [...answered.references, answered.messageId].slice(-MAX_REFERENCES),
        }
      : {}),
  })
    .compile()
    .build();

  const result = await processInboundEmail(ctx, mailbox, raw);
  await recordSimulatedMail(ctx.sql, {
    mailboxId: mailbox.id,
    direction: 'from_customer',
    customerAddress: input.from,
    raw,
  });
  if (result.kind === 'contact' && result.newTicket) {
    await maybeAutoAcknowledge(ctx, {
      mailboxId: mailbox.id,
      ticketId: result.ticketId,
      customerEmail: result.sender,
      automated: result.automated,
    });
  }
  ctx.publisher.emit([rooms.simulator], 'simulator.changed', { email: input.from });
  return { messageId, ticketId: result.ticketId };
}
