import type { SessionUser } from '../auth/sessions';
import { requireVisibleTicket } from '../auth/ticketAccess';
import type { Sql } from '../db/client';
import type { TemplateSuggestionsResponse } from '../http/templateApiTypes';
import { keywordWords } from '../search/keywordWords';
import { usableTemplatesCondition } from './templateAccess';
import { presentTemplate, templateColumns, type TemplateRow } from './templateQueries';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

const KEYWORD_WEIGHT = 3;

/**
 * Templates for answering the customer's last message on a ticket: its words (Chinese segmented, as keywordWords
 * reads them) against each usable template's keywords and name (each match counts KEYWORD_WEIGHT) and the words of
 * its bodies (each counts one). The best first; ties go to the most used. 404 for a ticket the viewer may not open.
 */
export async function suggestTemplates(
  sql: Sql,
  viewer: Viewer,
  ticketId: string,
  limit = 5,
): Promise<TemplateSuggestionsResponse> {
  await requireVisibleTicket(sql, viewer, ticketId);
  const [message] = await sql<{ id: string; subject: string | null; bodyText: string }[]>`
    select id, subject, body_text from messages
    where ticket_id = ${ticketId} and direction = 'inbound' order by created_at desc, id desc limit 1`;
  if (!message) return { messageId: null, suggestions: [] };
  const words = keywordWords(message.subject, message.bodyText);
  if (!words.length) return { messageId: message.id, suggestions: [] };
  const rows = await sql<(TemplateRow & { keywordHits: string[]; bodyHits: string[] })[]>`
    select * from (
      select ${templateColumns(sql, viewer)},
        array(select unnest(rt.keyword_words) intersect select unnest(${words}::text[])) as keyword_hits,
        array(select unnest(rt.body_words) intersect select unnest(${words}::text[])) as body_hits
      from reply_templates rt
      where ${usableTemplatesCondition(sql, viewer)} and (rt.keyword_words && ${words}::text[] or rt.body_words && ${words}::text[])
    ) s`;
  const suggestions = rows
    .map((r) => ({
      template: presentTemplate(r),
      score: KEYWORD_WEIGHT * r.keywordHits.length + r.bodyHits.length,
      matchedWords: words.filter((w) => r.keywordHits.includes(w) || r.bodyHits.includes(w)),
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.template.usageCount - a.template.usageCount ||
        a.template.name.localeCompare(b.template.name),
    )
    .slice(0, limit);
  return { messageId: message.id, suggestions };
}
