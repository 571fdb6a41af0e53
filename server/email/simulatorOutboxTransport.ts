// Where mail from the simulated mailbox goes instead of an SMTP server: a nodemailer transport, so a reply is
// composed by the very code that sends real replies (same Message-ID, In-Reply-To, References, [#n] subject,
// text and HTML parts, attachments) and only the last step differs: the bytes go to the simulated customer's
// inbox rather than over the network.

import nodemailer, { type Transport, type Transporter } from 'nodemailer';
import type { Sql } from '../db/client';
import { recordSimulatedMail } from './simulatorMailStore';

interface Options {
  sql: Sql;
  mailboxId: string;
  /** After a mail is stored: the simulated customer's screen re-reads. */
  onDelivered: (customerAddress: string) => void;
}

export function simulatorOutboxTransport({ sql, mailboxId, onDelivered }: Options): Transporter {
  const transport: Transport = {
    name: 'switchboard-simulator',
    version: '1',
    send(mail, callback) {
      const deliver = async () => {
        const raw = await mail.message.build();
        // One customer per reply; each recipient gets their own copy, as separate SMTP deliveries would.
        const envelope = mail.message.getEnvelope();
        for (const to of envelope.to)
          await recordSimulatedMail(sql, { mailboxId, direction: 'to_customer', customerAddress: to, raw });
        for (const to of envelope.to) onDelivered(to.toLowerCase());
        return { envelope, messageId: mail.message.messageId() };
      };
      deliver().then(
        (info) => callback(null, info),
        (err: Error) => callback(err, undefined as never),
      );
    },
  };
  return nodemailer.createTransport(transport);
}
