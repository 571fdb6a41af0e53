import { useMutation } from '@tanstack/react-query';
import type { ArticleSuggestion } from '../../../server/http/knowledgeApiTypes';
import { insertArticle } from './knowledgeEndpoints';
import { replyInsertions } from './replyInsertions';

export type InsertionKind = 'answer' | 'link';

/**
 * Puts a suggested article's answer (or its public link) into the ticket's reply. The server gives the text and logs
 * the insertion; the composer of the ticket receives it now, or when it opens.
 */
export function useInsertArticle(ticketId: string) {
  return useMutation({
    mutationFn: async ({ suggestion, kind }: { suggestion: ArticleSuggestion; kind: InsertionKind }) => {
      const inserted = await insertArticle(suggestion.articleId, { ticketId, kind, locale: suggestion.locale });
      replyInsertions.send(ticketId, { articleId: inserted.articleId, text: inserted.text });
      return inserted;
    },
  });
}
