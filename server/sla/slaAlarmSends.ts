// Alarm SMS and email: a row first (one per event, channel and recipient), then a job sends it through the product's
// own SMS channel (Twilio, or its simulator) or a mailbox's SMTP server. `sending` is committed before the provider
// is called, so a rerun never sends twice; quiet hours only move `send_after`.
import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import type { QuietHours } from '../http/slaApiTypes';
import { classifySendFailure } from '../outbound/sendFailure';
import type { Task } from '../queues/task';
import { sendableAt } from './quietHours';
import { sendAlarmMail } from './slaAlarmMail';

export interface AlarmRecipients {
  sms: string[];
  email: string[];
  quietHours: QuietHours | null;
}

export const SLA_ALARM_SEND_JOB = 'sla-alarm-send';
export const alarmSendJobId = (sendId: string) => `sla-alarm-send-${sendId}`;

const TARGET_WORDS = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };

/** Rows for an event's recipients, worded from the clock and its ticket; returns the new rows' ids. */
export async function queueAlarmSends(
  tx: TransactionSql,
  clockId: string,
  event: 'breach' | 'escalation',
  to: AlarmRecipients,
  publicUrl: string,
): Promise<string[]> {
  const [c] = await tx<
    { target: keyof typeof TARGET_WORDS; dueAt: Date; number: string; subject: string; ticketId: string }[]
  >`
    select c.target, c.due_at, t.number, t.subject, t.id as ticket_id
    from sla_clocks c join tickets t on t.id = c.ticket_id where c.id = ${clockId}`;
  const what = event === 'breach' ? 'SLA breached' : 'SLA escalation';
  const body = `${what}: ticket #${c.number} "${c.subject}". ${TARGET_WORDS[c.target]} was due ${c.dueAt.toISOString()}. ${publicUrl}/tickets/${c.ticketId}`;
  const sendAfter = sendableAt(to.quietHours, new Date());
  const rows = [
    ...to.sms.map((recipient) => ({ channel: 'sms', recipient })),
    ...to.email.map((recipient) => ({ channel: 'email', recipient })),
  ];
  const ids: string[] = [];
  for (const r of rows) {
    const [row] = await tx<{ id: string }[]>`
      insert into sla_alarm_sends (clock_id, event, channel, recipient, body, send_after)
      values (${clockId}, ${event}, ${r.channel}, ${r.recipient}, ${body}, ${sendAfter})
      on conflict (clock_id, event, channel, recipient) do nothing
      returning id`;
    if (row) ids.push(row.id);
  }
  return ids;
}

/** Adds the send jobs of committed rows, each waiting for its `send_after`. */
export async function sendQueuedAlarms(ctx: Pick<AppContext, 'sql' | 'queues'>, ids: string[]) {
  if (!ids.length) return;
  const rows = await ctx.sql<{ id: string; sendAfter: Date }[]>`
    select id, send_after from sla_alarm_sends where id = any(${ids}::uuid[]) and status = 'pending'`;
  for (const r of rows)
    await ctx.queues.timers.add(
      SLA_ALARM_SEND_JOB,
      { sendId: r.id },
      { jobId: alarmSendJobId(r.id), delay: Math.max(0, r.sendAfter.getTime() - Date.now()) },
    );
}

export const slaAlarmSendTask: Task<{ sendId: string }> = {
  queue: 'timers',
  name: SLA_ALARM_SEND_JOB,
  async perform(ctx, { sendId }, { lastAttempt }) {
    const [row] = await ctx.sql<{ channel: 'sms' | 'email'; recipient: string; body: string }[]>`
      update sla_alarm_sends set status = 'sending'
      where id = ${sendId} and status = 'pending' and send_after <= now()
      returning channel, recipient, body`;
    if (!row) return { sent: false };
    try {
      const sent =
        row.channel === 'sms'
          ? await ctx.sms.sender.send({
              id: sendId,
              channel: 'sms',
              to: row.recipient,
              from: ctx.sms.companyNumber,
              subject: null,
              text: row.body,
            })
          : await sendAlarmMail(ctx, sendId, row.recipient, row.body);
      await ctx.sql`
        update sla_alarm_sends set status = 'sent', provider_id = ${sent.providerId}, sent_at = now() where id = ${sendId}`;
      return { sent: true };
    } catch (err) {
      const failure = classifySendFailure(err, lastAttempt);
      // A send that may have gone out is not tried again: an alarm twice is worse than a logged doubt.
      const final = failure.outcome !== 'retry';
      await ctx.sql`
        update sla_alarm_sends set status = ${final ? 'failed' : 'pending'}, error_message = ${failure.message}
        where id = ${sendId}`;
      if (final) throw new UnrecoverableError(failure.message);
      throw err;
    }
  },
};
