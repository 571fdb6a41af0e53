// Every write to an outbound message's send state, in one place: taking it to send, what providers report, and
// putting it back in the queue. Reports go through the one forward-only rule (deliveryStatus.ts), and each
// change a person should know about is written to the ticket's history in the same transaction.

import type { DeliveryStatus, OutboundMessage } from '../../channels/outbound';
import { logReplyArticlesSent } from '../../knowledge-base/usage/replyArticles';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { Sql, TransactionSql } from '../db/client';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { isUndelivered, movesForward } from './deliveryStatus';

export interface DeliveryReport {
  status: DeliveryStatus;
  providerId?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  /** What carried it (twilio, smtp, simulator, loopback), kept in the metadata the console shows. */
  transport?: string;
  /** Who found out: the send job, the provider's status callback, the reconciler, a bounce report. */
  via: 'send' | 'status_callback' | 'reconciler' | 'bounce';
}

/** Which message a report is about: ours by id, or an SMS by Twilio's sid (or our id from its callback URL). */
export type MessageTarget =
  /** `sendingRound`: only while that send is still `sending` (the reconciler's verdict on it, and nothing later). */
  { messageId: string; sendingRound?: number } | { smsSid: string; messageId?: string; round?: number };

export interface Advanced {
  messageId: string;
  ticketId: string;
  toAddress: string | null;
  changed: boolean;
}

export type ClaimedMessage = OutboundMessage & { ticketId: string; round: number };

/** Takes a queued message to send: `sending` is committed before the provider is called, so no rerun sends it twice. */
export async function claimForSending(sql: Sql, messageId: string): Promise<ClaimedMessage | null> {
  const [message] = await sql<ClaimedMessage[]>`
    update messages set status = 'sending', send_started_at = now(), updated_at = now(), error_code = null, error_message = null
    where id = ${messageId} and status = 'queued' and direction = 'outbound'
    returning id, ticket_id, channel, to_address as to, from_address as from, subject, body_text as text, send_round as round`;
  return message ?? null;
}

/** A retryable failure: back to `queued` for the job's next attempt, with the reason shown meanwhile. */
export async function returnToQueue(sql: Sql, messageId: string, failure: { code: string; message: string }) {
  await sql`
    update messages set status = 'queued', updated_at = now(), error_code = ${failure.code}, error_message = ${failure.message}
    where id = ${messageId} and status = 'sending'`;
}

/** The provider may have it: stays `sending` (the reconciler settles it), with what went wrong shown. */
export async function noteUnconfirmed(sql: Sql, messageId: string, failure: { code: string; message: string }) {
  await sql`update messages set error_code = ${failure.code}, error_message = ${failure.message}, updated_at = now() where id = ${messageId} and status = 'sending'`;
}

/** Applies a report to a message and tells consoles when it changed what they show. */
export async function recordDelivery(
  ctx: Pick<AppContext, 'sql' | 'publisher'>,
  target: MessageTarget,
  report: DeliveryReport,
) {
  const advanced = await ctx.sql.begin((tx) => advanceMessage(tx, target, report));
  if (advanced?.changed) await publishTicketChanged(ctx, advanced.ticketId);
  return advanced;
}

/**
 * Applies a report inside the caller's transaction: the status only moves forward; the provider's id is kept
 * once known; the reason of a failure is stored; the history says sent, delivered or failed (and why).
 */
export async function advanceMessage(
  tx: TransactionSql,
  target: MessageTarget,
  report: DeliveryReport,
): Promise<Advanced | null> {
  const [row] = await tx<
    {
      id: string;
      ticketId: string;
      status: string;
      providerId: string | null;
      toAddress: string | null;
      errorCode: string | null;
      errorMessage: string | null;
    }[]
  >`
    select id, ticket_id, status, provider_id, to_address, error_code, error_message from messages
    where direction = 'outbound' and ${targetCondition(tx, target)}
    limit 1 for update`;
  if (!row) return null;
  const forward = movesForward(row.status, report.status);
  const providerId = row.providerId ?? report.providerId ?? null;
  if (!forward && providerId === row.providerId && !report.transport)
    return { messageId: row.id, ticketId: row.ticketId, toAddress: row.toAddress, changed: false };

  const failing = isUndelivered(report.status);
  // A success clears what an earlier attempt left; a failure keeps the earlier reason if this report gives none.
  const errorCode = !forward ? row.errorCode : failing ? (report.errorCode ?? row.errorCode) : null;
  const errorMessage = !forward ? row.errorMessage : failing ? (report.errorMessage ?? row.errorMessage) : null;
  await tx`
    update messages set
      status = ${forward ? report.status : row.status}, provider_id = ${providerId}, updated_at = now(),
      error_code = ${errorCode}, error_message = ${errorMessage},
      metadata = metadata || ${tx.json(report.transport ? { transport: report.transport } : {})}
    where id = ${row.id}`;
  if (forward) {
    const action = failing ? 'message.failed' : `message.${report.status}`;
    const data = failing
      ? { messageId: row.id, status: report.status, code: errorCode, reason: errorMessage, via: report.via }
      : { messageId: row.id, via: report.via };
    await writeAudit(tx, { actorUserId: null, action, entityType: 'ticket', entityId: row.ticketId, data });
    // The knowledge base articles a reply carries count as sent now that it is, not when it was queued.
    if ((report.status === 'sent' || report.status === 'delivered') && row.status !== 'sent')
      await logReplyArticlesSent(tx, row.id);
  }
  return { messageId: row.id, ticketId: row.ticketId, toAddress: row.toAddress, changed: forward };
}

function targetCondition(tx: TransactionSql, target: MessageTarget) {
  if ('smsSid' in target) {
    // Our id in the callback URL finds a row whose sid is not stored yet, but only for the send it was made for.
    const byId = target.messageId
      ? tx`or (id = ${target.messageId} and provider_id is null ${target.round === undefined ? tx`` : tx`and send_round = ${target.round}`})`
      : tx``;
    return tx`channel = 'sms' and (provider_id = ${target.smsSid} ${byId})`;
  }
  if (target.sendingRound !== undefined)
    return tx`id = ${target.messageId} and status = 'sending' and send_round = ${target.sendingRound}`;
  return tx`id = ${target.messageId}`;
}

export interface StaleSend extends OutboundMessage {
  ticketId: string;
  round: number;
  providerId: string | null;
  sendStartedAt: Date;
  /** How long it has been `sending`, by the database's clock (the one that stamped it). */
  ageMs: number;
  autoResends: number;
}

/** Messages `sending` for longer than `staleAfterMs`: their process died, or their outcome stayed unknown. */
export function staleMessages(sql: Sql, staleAfterMs: number) {
  return sql<StaleSend[]>`
    select id, ticket_id, channel, to_address as to, from_address as from, subject, body_text as text, send_round as round,
           provider_id, started as send_started_at, (extract(epoch from now() - started) * 1000)::float8 as age_ms, auto_resends
    from (select *, coalesce(send_started_at, updated_at) as started from messages
          where status = 'sending' and direction = 'outbound') m
    where started < now() - make_interval(secs => ${staleAfterMs / 1000})
    order by started
    limit 200`;
}

/** Queued messages untouched for longer than `afterMs`: their send job may be gone (a crash before it was added, a flushed Redis). */
export function longQueuedMessages(sql: Sql, afterMs: number) {
  return sql<{ id: string; round: number }[]>`
    select id, send_round as round from messages
    where status = 'queued' and direction = 'outbound' and updated_at < now() - make_interval(secs => ${afterMs / 1000})
    limit 500`;
}

/**
 * An interrupted send goes back to the queue as a new round (its job id names the round, so the send job that
 * died cannot be confused with this one). Only from the round that was found stale; returns the new round.
 */
export async function resendInterrupted(
  ctx: Pick<AppContext, 'sql' | 'publisher'>,
  send: StaleSend,
  reason: string,
): Promise<number | null> {
  const round = await ctx.sql.begin(async (tx) => {
    const [row] = await tx<{ round: number }[]>`
      update messages set status = 'queued', send_round = send_round + 1, auto_resends = auto_resends + 1, updated_at = now(),
        error_code = null, error_message = null,
        -- A new SMS gets a new sid; an email keeps its Message-ID, so a copy that did arrive and the resend are one mail.
        provider_id = case when channel = 'sms' then null else provider_id end
      where id = ${send.id} and status = 'sending' and send_round = ${send.round}
      returning send_round as round`;
    if (!row) return null;
    await writeAudit(tx, {
      actorUserId: null,
      action: 'message.resent',
      entityType: 'ticket',
      entityId: send.ticketId,
      data: { messageId: send.id, reason },
    });
    return row.round;
  });
  if (round !== null) await publishTicketChanged(ctx, send.ticketId);
  return round;
}

/**
 * An agent sends a failed or undelivered message again: a new round with one automatic resend of its own.
 * Returns the new round, or null when the message is not one that can be retried.
 */
export async function requeueForRetry(
  tx: TransactionSql,
  messageId: string,
  actorUserId: string,
): Promise<number | null> {
  const [before] = await tx<{ ticketId: string; status: string; providerId: string | null }[]>`
    select ticket_id, status, provider_id from messages where id = ${messageId} and direction = 'outbound' for update`;
  if (!before || !isUndelivered(before.status)) return null;
  const [row] = await tx<{ round: number }[]>`
    update messages set status = 'queued', send_round = send_round + 1, auto_resends = 0, updated_at = now(),
      error_code = null, error_message = null, provider_id = case when channel = 'sms' then null else provider_id end
    where id = ${messageId}
    returning send_round as round`;
  await writeAudit(tx, {
    actorUserId,
    action: 'message.retried',
    entityType: 'ticket',
    entityId: before.ticketId,
    data: { messageId, previousStatus: before.status, previousProviderId: before.providerId },
  });
  return row.round;
}
