import { InvalidEmailError, parseInboundEmail, type ParsedInboundEmail } from '../../channels/email/parseInboundEmail';
import type { AppContext } from '../context';
import { accountForBounce } from './accountForBounce';
import { intakeDistinctMail } from './distinctMail';
import { prepareMailFiles } from './storeAttachments';

export interface MailboxForIntake {
  id: string;
  queueId: string | null;
  maxAttachmentBytes: number;
}

export type ProcessedEmail =
  | {
      kind: 'contact';
      ticketId: string;
      newTicket: boolean;
      automated: boolean;
      /** The address replies go to; empty when the mail named none we could use. */
      sender: string;
    }
  | { kind: 'bounce'; ticketId: string | null };

/**
 * One raw mail from a mailbox: a bounce is accounted for on the ticket of the reply it reports, or on the
 * undeliverable mail list (never a new ticket);
 * anything else goes to intake with its attachments stored. A re-fetch is harmless: a mail with the Message-ID,
 * sender and content of a stored one changes nothing (distinctMail.ts).
 */
export async function processInboundEmail(
  ctx: AppContext,
  mailbox: MailboxForIntake,
  raw: Buffer,
): Promise<ProcessedEmail> {
  const parsed = await parseMail(raw, mailbox.maxAttachmentBytes);
  if (parsed.bounce) return { kind: 'bounce', ticketId: await recordBounce(ctx, mailbox, raw, parsed) };
  const files = await prepareMailFiles(ctx.files, parsed.attachments);
  const contact = {
    ...parsed.contact,
    attachments: files.attachments,
    queueId: mailbox.queueId ?? undefined,
    metadata: {
      ...parsed.contact.metadata,
      automated: parsed.automation.automated ? parsed.automation.reason : null,
      rejectedAttachments: parsed.rejectedAttachments,
    },
  };
  const result = await intakeDistinctMail(ctx, contact, {
    mailboxId: mailbox.id,
    storeFiles: files.storeInTransaction,
  });
  return {
    kind: 'contact',
    ticketId: result.ticketId,
    newTicket: result.newTicket && result.created,
    automated: parsed.automation.automated,
    sender: contact.from.value,
  };
}

/**
 * Parsing reads nothing but the bytes, so whatever it throws is this mail's fault: an InvalidEmailError, which the
 * mailbox sync sets the mail aside for rather than retrying it.
 */
async function parseMail(raw: Buffer, maxAttachmentBytes: number) {
  try {
    return await parseInboundEmail(raw, { maxAttachmentBytes });
  } catch (err) {
    if (err instanceof InvalidEmailError) throw err;
    throw new InvalidEmailError(`the mail could not be parsed: ${(err as Error).message}`, { cause: err });
  }
}

/** A bounce never opens a ticket: it is noted on the ticket of the message it reports, or kept for admins. */
function recordBounce(ctx: AppContext, mailbox: MailboxForIntake, raw: Buffer, parsed: ParsedInboundEmail) {
  return accountForBounce(ctx, {
    mailboxId: mailbox.id,
    reportId: parsed.contact.providerId,
    bounce: parsed.bounce!,
    fromAddress: parsed.contact.fromHeader ?? (parsed.contact.from.value || null),
    subject: parsed.contact.subject ?? null,
    text: parsed.contact.text,
    raw,
  });
}
