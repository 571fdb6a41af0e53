// What an admin does with a failed mail: retry it (intake again, from the stored bytes) or dismiss it.

import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { HttpError, notFound } from '../http/httpError';
import { rooms } from '../realtime/rooms';
import { maybeAutoAcknowledge } from './autoAcknowledge';
import { findFailedMail, recordFailedRetry } from './failedMails';
import { classifyIntakeFailure } from './intakeFailure';
import { processInboundEmail } from './processInboundEmail';

/**
 * Runs intake on the mail's bytes as the sync would have. Stored: the failed mail goes, and the ticket it joined
 * or opened is returned (null for a bounce report). Failing again for the mail's sake: a 422 with the new error,
 * and the row keeps it. Failing for the server's sake (database unreachable): the error as it is, row untouched.
 */
export async function retryFailedMail(ctx: AppContext, id: string, actorUserId: string) {
  const failed = await findFailedMail(ctx.sql, id);
  if (!failed) throw notFound('Failed mail');
  if (failed.raw.length === 0)
    throw new HttpError(
      422,
      'intake_failed',
      'The IMAP server returned no bytes for this mail: there is nothing to retry.',
    );
  const [mailbox] = await ctx.sql<{ id: string; queueId: string | null; maxAttachmentBytes: number }[]>`
    select id, queue_id, max_attachment_bytes from mailboxes where id = ${failed.mailboxId}`;
  let result;
  try {
    result = await processInboundEmail(ctx, mailbox, failed.raw);
  } catch (err) {
    if (classifyIntakeFailure(err) === 'environment') throw err;
    const message = (err as Error).message;
    await recordFailedRetry(ctx.sql, id, message);
    announce(ctx, failed.mailboxId);
    throw new HttpError(422, 'intake_failed', `The mail could not be stored: ${message}`);
  }
  await ctx.sql.begin(async (tx) => {
    await tx`delete from failed_mails where id = ${id}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'failed_mail.retried',
      entityType: 'mailbox',
      entityId: failed.mailboxId,
      data: { failedMailId: id, subject: failed.subject, ticketId: result.ticketId },
    });
  });
  if (result.kind === 'contact' && result.newTicket && result.sender)
    await maybeAutoAcknowledge(ctx, {
      mailboxId: failed.mailboxId,
      ticketId: result.ticketId,
      customerEmail: result.sender,
      automated: result.automated,
    });
  announce(ctx, failed.mailboxId);
  return { ticketId: result.ticketId };
}

/** The admin has seen it and wants it gone; the mail itself stays on the IMAP server. */
export async function dismissFailedMail(ctx: AppContext, id: string, actorUserId: string) {
  const mailboxId = await ctx.sql.begin(async (tx) => {
    const [row] = await tx<{ mailboxId: string; subject: string | null }[]>`
      delete from failed_mails where id = ${id} returning mailbox_id, subject`;
    if (!row) throw notFound('Failed mail');
    await writeAudit(tx, {
      actorUserId,
      action: 'failed_mail.dismissed',
      entityType: 'mailbox',
      entityId: row.mailboxId,
      data: { failedMailId: id, subject: row.subject },
    });
    return row.mailboxId;
  });
  announce(ctx, mailboxId);
}

/** The mailbox's failed-mail count changed: its health re-reads. */
function announce(ctx: AppContext, mailboxId: string) {
  ctx.publisher.emit([rooms.anySupervisor], 'mailbox.changed', { mailboxId });
}
