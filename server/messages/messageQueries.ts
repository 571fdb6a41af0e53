import { sanitizeEmailHtml } from '../../channels/email/sanitizeEmailHtml';
import type { Sql, SqlFragment } from '../db/client';
import type { MessageView } from '../http/apiTypes';

interface MessageRow extends Omit<MessageView, 'createdAt' | 'author' | 'from' | 'to' | 'text' | 'html'> {
  authorId: string | null;
  authorName: string | null;
  fromAddress: string | null;
  toAddress: string | null;
  bodyText: string;
  bodyHtml: string | null;
  createdAt: Date;
}

const presentMessage = (r: MessageRow): MessageView => ({
  id: r.id,
  ticketId: r.ticketId,
  channel: r.channel,
  direction: r.direction,
  status: r.status,
  errorCode: r.errorCode,
  errorMessage: r.errorMessage,
  author: r.authorId ? { id: r.authorId, name: r.authorName ?? '' } : null,
  from: r.fromAddress,
  to: r.toAddress,
  subject: r.subject,
  text: r.bodyText,
  // Sanitised again on the way out: intake takes HTML from any channel, and the rules may have tightened since it was stored.
  html: r.bodyHtml ? sanitizeEmailHtml(r.bodyHtml) || null : null,
  attachments: r.attachments,
  createdAt: r.createdAt.toISOString(),
});

function selectMessages(sql: Sql, where: SqlFragment) {
  return sql<MessageRow[]>`
    select m.id, m.ticket_id, m.channel, m.direction, m.status, m.error_code, m.error_message,
           m.author_user_id as author_id, u.name as author_name, m.from_address, m.to_address, m.subject, m.body_text, m.body_html, m.created_at,
           coalesce((select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a.content_type, 'sizeBytes', a.size_bytes) order by a.created_at)
                     from message_attachments a where a.message_id = m.id), '[]') as attachments
    from messages m left join users u on u.id = m.author_user_id
    where ${where}
    order by m.created_at, m.id`;
}

/** The ticket's whole thread, oldest first, notes included. */
export async function listTicketMessages(sql: Sql, ticketId: string): Promise<MessageView[]> {
  return (await selectMessages(sql, sql`m.ticket_id = ${ticketId}`)).map(presentMessage);
}

/** What the customer last wrote or said on the ticket (the screen pop shows it). */
export async function findLatestInboundMessage(sql: Sql, ticketId: string): Promise<MessageView | null> {
  const [row] = await selectMessages(
    sql,
    sql`m.id = (select id from messages where ticket_id = ${ticketId} and direction = 'inbound' order by created_at desc, id desc limit 1)`,
  );
  return row ? presentMessage(row) : null;
}

export async function findMessageView(sql: Sql, messageId: string): Promise<MessageView | null> {
  const [row] = await selectMessages(sql, sql`m.id = ${messageId}`);
  return row ? presentMessage(row) : null;
}
