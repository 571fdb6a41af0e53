import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../server/http/apiTypes';
import type { KnowledgeArticleView } from '../../../server/http/knowledgeApiTypes';
import { queryKeys } from '../data/queryKeys';
import {
  getArticle,
  getArticleSuggestions,
  getKnowledgePermissions,
  getKnowledgeStats,
  listArticles,
  listCategories,
  listEditors,
  listRevisions,
  searchArticles,
  type ArticleFilter,
} from './knowledgeEndpoints';

// Who may write and publish changes only when an admin changes it: read once per page visit.
export const useKnowledgePermissions = () =>
  useQuery({ queryKey: queryKeys.knowledgePermissions, queryFn: getKnowledgePermissions, staleTime: 60_000 });

export const useCategories = () => useQuery({ queryKey: queryKeys.knowledgeCategories, queryFn: listCategories });

export const useArticleList = (filter: ArticleFilter) =>
  useQuery({
    queryKey: queryKeys.knowledgeArticles(filter),
    queryFn: () => listArticles(filter),
    placeholderData: keepPreviousData,
  });

/** Highlighted snippets for the words searched; nothing is read while the search box is empty. */
export const useArticleSearch = (q: string, locale: Locale | '') =>
  useQuery({
    queryKey: queryKeys.knowledgeSearch(q, locale),
    queryFn: () => searchArticles(q, locale),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });

export const useArticle = (articleId: string | null) =>
  useQuery({
    queryKey: queryKeys.knowledgeArticle(articleId ?? ''),
    queryFn: () => getArticle(articleId!),
    enabled: articleId !== null,
  });

export const useRevisions = (articleId: string, locale: Locale, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.knowledgeRevisions(articleId, locale),
    queryFn: () => listRevisions(articleId, locale),
    enabled,
  });

/** `enabled: false` where the suggestions came with what is on screen (the screen pop carries its own). */
export const useArticleSuggestions = (ticketId: string, enabled = true) =>
  useQuery({
    queryKey: queryKeys.articleSuggestions(ticketId),
    queryFn: () => getArticleSuggestions(ticketId),
    enabled,
  });

export const useKnowledgeStats = (range: { from: string; to: string } | null) =>
  useQuery({
    queryKey: queryKeys.knowledgeStats(range ?? { from: '', to: '' }),
    queryFn: () => getKnowledgeStats(range!),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });

export const useEditors = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.knowledgeEditors, queryFn: listEditors, enabled });

/**
 * A change to the knowledge base: the answer's article goes straight into the cache, then every list, search and
 * revision history re-reads (an article's title, state or text shows in all of them).
 */
export function useKnowledgeMutation<A, R>(mutationFn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (answer) => {
      const article = (answer as { article?: KnowledgeArticleView } | undefined)?.article;
      if (article) client.setQueryData(queryKeys.knowledgeArticle(article.id), { article });
      void client.invalidateQueries({ queryKey: queryKeys.knowledge });
    },
  });
}
