import type { KbQuery } from '../db';
import { searchArticles, type ArticleHit } from '../search/searchArticles';

export interface TicketText {
  ticketId: string;
  subject: string | null;
  /** The customer's last message on the ticket. */
  lastCustomerMessage: string | null;
}

/**
 * The articles an agent may read that best answer a ticket: its subject and the customer's last message, segmented
 * as articles are, any word counting (the more match, the higher). One hit per article, in its best locale.
 */
export async function suggestArticles(sql: KbQuery, ticket: TicketText, limit = 5) {
  const text = [ticket.subject, ticket.lastCustomerMessage].filter(Boolean).join('\n');
  // One statement per screen pop: no similar-title guesses from a customer's words.
  const found = await searchArticles(sql, { q: text, audience: 'agent', match: 'any', limit: limit * 2, fuzzy: false });
  const best = new Map<string, ArticleHit>();
  for (const hit of found.hits) if (!best.has(hit.articleId)) best.set(hit.articleId, hit);
  return { words: found.words, hits: [...best.values()].slice(0, limit) };
}

/** Logs that these suggestions were shown to an agent on a ticket: once per agent, ticket and article. */
export async function logSuggestionsShown(sql: KbQuery, ticketId: string, userId: string, articleIds: string[]) {
  if (!articleIds.length) return;
  await sql`
    insert into kb_suggestion_events (article_id, ticket_id, user_id, kind)
    select a, ${ticketId}, ${userId}, 'shown' from unnest(${articleIds}::uuid[]) a
    where not exists (select 1 from kb_suggestion_events e
                      where e.article_id = a and e.ticket_id = ${ticketId} and e.user_id = ${userId} and e.kind = 'shown')`;
}
