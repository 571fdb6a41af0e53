import type { KbQuery, KbSql } from '../db';

export interface ReplyArticles {
  ticketId: string;
  userId: string;
  /** The reply (an outbound message) that carries them. */
  messageId: string;
  articleIds: string[];
}

/**
 * Notes the articles a queued reply carries (ids of articles that do not exist are ignored). They count as sent when
 * the reply is: `logReplyArticlesSent` runs as its send settles. The reply's row is locked first, so a send that
 * settled in between (a fast mail server) is seen here and logged now, never twice and never missed.
 */
export async function noteReplyArticles(sql: KbSql, reply: ReplyArticles) {
  if (!reply.articleIds.length) return;
  await sql.begin(async (tx) => {
    const [message] = await tx<{ status: string }[]>`
      select status from messages where id = ${reply.messageId} and ticket_id = ${reply.ticketId} for update`;
    if (!message) return;
    await tx`
      insert into kb_reply_articles (message_id, article_id, user_id)
      select ${reply.messageId}, a.id, ${reply.userId} from kb_articles a
      where a.id = any(${[...new Set(reply.articleIds)]}::uuid[])
      on conflict do nothing`;
    if (message.status === 'sent' || message.status === 'delivered') await logReplyArticlesSent(tx, reply.messageId);
  });
}

/**
 * Logs the articles a reply carries as sent, once per reply and article: called in the transaction that settles the
 * reply as sent (or delivered), so a reply that fails is never counted.
 */
export async function logReplyArticlesSent(sql: KbQuery, messageId: string) {
  await sql`
    insert into kb_suggestion_events (article_id, ticket_id, user_id, kind, message_id)
    select r.article_id, m.ticket_id, r.user_id, 'sent', m.id
    from kb_reply_articles r join messages m on m.id = r.message_id
    where r.message_id = ${messageId}
      and not exists (select 1 from kb_suggestion_events e
                      where e.ticket_id = m.ticket_id and e.kind = 'sent' and e.message_id = m.id
                        and e.article_id = r.article_id)`;
}
