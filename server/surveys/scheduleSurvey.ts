import type { SqlFragment, TransactionSql } from '../db/client';
import type { Channel } from '../http/apiTypes';
import type { SurveyOrigin } from '../http/surveyApiTypes';
import { surveyLocale } from './surveyMessages';
import type { SurveySettingsInput } from '../http/surveyApiTypes';
import { parseSurveySettings } from './surveySettings';

interface TicketForSurvey {
  customerId: string;
  queueId: string | null;
  channel: Channel;
  resolvedAt: Date | null;
  preferredLocale: string | null;
  customerText: string;
  /** Its queue's survey settings (the defaults for a ticket in no queue, or a queue with none saved). */
  settings: SurveySettingsInput;
}

/** A survey due: its row, and when it is to go out. */
export interface ScheduledSurvey {
  id: string;
  sendAt: Date;
}

async function ticketForSurvey(tx: TransactionSql, ticketId: string): Promise<TicketForSurvey | null> {
  const [t] = await tx<(Omit<TicketForSurvey, 'settings'> & { settings: unknown })[]>`
    select t.customer_id, t.queue_id, t.channel, t.resolved_at, c.preferred_locale, s.settings,
      coalesce((select string_agg(m.body_text, ' ') from (
         select body_text from messages where ticket_id = t.id and direction = 'inbound' order by created_at desc limit 5) m), '') as customer_text
    from tickets t join customers c on c.id = t.customer_id left join survey_settings s on s.queue_id = t.queue_id
    where t.id = ${ticketId}`;
  return t ? { ...t, settings: parseSurveySettings(t.settings) } : null;
}

/**
 * A ticket was just resolved (inside the resolving transaction): the survey its queue asks for, as a row with its
 * send time. One per resolution — resolving again after a reopen is a new resolution. A phone ticket whose queue
 * surveys callers on the keypad, and that had one, gets none here. Returns the survey's id, or null.
 */
export async function scheduleResolveSurvey(
  tx: TransactionSql,
  ticketId: string,
  queueSettings?: SurveySettingsInput,
): Promise<ScheduledSurvey | null> {
  // A queue that surveys nobody (the default) costs no read.
  if (queueSettings?.channel === 'off') return null;
  const ticket = await ticketForSurvey(tx, ticketId);
  if (!ticket?.queueId || !ticket.resolvedAt) return null;
  const { settings } = ticket;
  if (settings.channel === 'off') return null;
  let channel: Channel = settings.channel === 'contact' ? ticket.channel : settings.channel;
  if (channel === 'voice') {
    const [keyed] = await tx`select 1 from surveys where ticket_id = ${ticketId} and origin = 'call'`;
    if (keyed) return null;
    // A caller is asked by text on the number they called from.
    channel = 'sms';
  }
  return insertSurvey(tx, ticketId, ticket, {
    origin: 'resolve',
    channel,
    sendAt: tx`now() + make_interval(mins => ${settings.delayMinutes})`,
  });
}

/** A survey a return visit asks for, due at its time, whatever the queue's resolve setting. */
export async function scheduleReturnVisitSurvey(
  tx: TransactionSql,
  ticketId: string,
  channel: 'sms' | 'email',
  dueAt: Date,
): Promise<string | null> {
  const ticket = await ticketForSurvey(tx, ticketId);
  if (!ticket) return null;
  const survey = await insertSurvey(tx, ticketId, ticket, {
    origin: 'return_visit',
    channel,
    sendAt: tx`${dueAt}::timestamptz`,
  });
  return survey?.id ?? null;
}

async function insertSurvey(
  tx: TransactionSql,
  ticketId: string,
  ticket: TicketForSurvey,
  what: { origin: SurveyOrigin; channel: Channel; sendAt: SqlFragment },
): Promise<ScheduledSurvey | null> {
  const effective = ticket.settings;
  const [row] = await tx<ScheduledSurvey[]>`
    insert into surveys (ticket_id, customer_id, queue_id, channel, origin, scale, locale, settings, send_at, resolution_at)
    values (${ticketId}, ${ticket.customerId}, ${ticket.queueId}, ${what.channel}, ${what.origin}, ${effective.scale},
            ${surveyLocale(ticket.preferredLocale, ticket.customerText)}, ${tx.json(effective as never)}, ${what.sendAt},
            ${what.origin === 'resolve' ? ticket.resolvedAt : null})
    on conflict do nothing
    returning id, send_at`;
  return row ?? null;
}

/** The ticket was reopened: a survey still waiting to go out about its resolution never will. */
export async function cancelScheduledSurveys(tx: TransactionSql, ticketId: string) {
  await tx`
    update surveys set status = 'canceled', skip_reason = 'reopened', updated_at = now()
    where ticket_id = ${ticketId} and status = 'scheduled' and origin = 'resolve'`;
}

/**
 * A ticket's status changed (inside that transaction): resolving asks for its survey (returned, for its job once
 * committed), reopening cancels one waiting.
 */
export async function surveysOnStatusChange(
  tx: TransactionSql,
  ticketId: string,
  from: string,
  to: string,
  queueSettings?: SurveySettingsInput,
) {
  const done = (s: string) => s === 'resolved' || s === 'closed';
  if (to === 'resolved' && from !== 'resolved') return scheduleResolveSurvey(tx, ticketId, queueSettings);
  if (done(from) && !done(to)) await cancelScheduledSurveys(tx, ticketId);
  return null;
}
