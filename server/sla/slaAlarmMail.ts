// Alarm email leaves through the product's own SMTP: the server of the ticket's mailbox (the one its customer last
// wrote to), else of the first active mailbox that has one. A simulated mailbox's alarms go to the simulator's outbox.
import nodemailer from 'nodemailer';
import { createSmtpSender } from '../../channels/email/smtpSender';
import { SendError, type SendResult } from '../../channels/outbound';
import type { AppContext } from '../context';
import { domainOf } from '../email/replyThreading';
import { simulatorOutboxTransport } from '../email/simulatorOutboxTransport';

interface AlarmMailbox {
  id: string;
  address: string;
  simulated: boolean;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpTls: boolean;
  smtpUser: string | null;
  smtpPasswordEncrypted: string | null;
}

const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export async function sendAlarmMail(ctx: AppContext, sendId: string, to: string, body: string): Promise<SendResult> {
  const [mailbox] = await ctx.sql<AlarmMailbox[]>`
    select b.id, b.address, b.simulated, b.smtp_host, b.smtp_port, b.smtp_tls, b.smtp_user, b.smtp_password_encrypted
    from mailboxes b
    where b.active and (b.simulated or b.smtp_host is not null)
    order by b.id = (select m.mailbox_id from sla_alarm_sends s join sla_clocks c on c.id = s.clock_id
                     join messages m on m.ticket_id = c.ticket_id and m.direction = 'inbound'
                     where s.id = ${sendId} and m.mailbox_id is not null order by m.created_at desc limit 1) desc nulls last,
             b.simulated, b.name
    limit 1`;
  if (!mailbox) throw new SendError('No mailbox has an SMTP server to send the SLA alarm through.', 'no_smtp', false);
  const transport = mailbox.simulated
    ? simulatorOutboxTransport({ sql: ctx.sql, mailboxId: mailbox.id, onDelivered: () => {} })
    : nodemailer.createTransport({
        host: mailbox.smtpHost!,
        port: mailbox.smtpPort ?? (mailbox.smtpTls ? 465 : 587),
        secure: mailbox.smtpTls,
        ...(mailbox.smtpUser
          ? {
              auth: {
                user: mailbox.smtpUser,
                pass: mailbox.smtpPasswordEncrypted ? ctx.secrets.open(mailbox.smtpPasswordEncrypted) : '',
              },
            }
          : {}),
        ...TIMEOUTS,
      });
  try {
    const smtp = createSmtpSender({ transport, from: mailbox.address, domain: domainOf(mailbox.address) });
    return await smtp.send({
      id: sendId,
      channel: 'email',
      to,
      from: mailbox.address,
      subject: body.split('. ')[0],
      text: body,
    });
  } finally {
    transport.close();
  }
}
