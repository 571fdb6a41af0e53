import type { Locale } from '../../../server/http/apiTypes';
import type {
  ArticleInsertion,
  ArticleInsertionInput,
  ArticleSuggestionsResponse,
  KnowledgeArticleInput,
  KnowledgeArticleListResponse,
  KnowledgeArticleUpdate,
  KnowledgeArticleView,
  KnowledgeAttachmentView,
  KnowledgeCategoriesResponse,
  KnowledgeCategoryInput,
  KnowledgeCategoryView,
  KnowledgeEditorRole,
  KnowledgeEditorsResponse,
  KnowledgePermissions,
  KnowledgeRevisionsResponse,
  KnowledgeSearchResponse,
  KnowledgeState,
  KnowledgeStateChange,
  KnowledgeStats,
} from '../../../server/http/knowledgeApiTypes';
import { requestJson } from '../api/request';

/** The article list's filters; empty strings mean "any". */
export interface ArticleFilter {
  q: string;
  state: KnowledgeState | '';
  categoryId: string;
  locale: Locale | '';
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])).toString();

const articlePath = (id: string) => `/api/knowledge/articles/${encodeURIComponent(id)}`;
type ArticleAnswer = { article: KnowledgeArticleView };

export const getKnowledgePermissions = () => requestJson<KnowledgePermissions>('/api/knowledge/permissions');

export const listCategories = () => requestJson<KnowledgeCategoriesResponse>('/api/knowledge/categories');
export const createCategory = (input: KnowledgeCategoryInput) =>
  requestJson<{ category: KnowledgeCategoryView }>('/api/knowledge/categories', { method: 'POST', body: input });
export const updateCategory = (id: string, input: Partial<KnowledgeCategoryInput>) =>
  requestJson<{ category: KnowledgeCategoryView }>(`/api/knowledge/categories/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: input,
  });

export const listArticles = (filter: ArticleFilter, limit = 100) =>
  requestJson<KnowledgeArticleListResponse>(`/api/knowledge/articles?${query({ ...filter, limit: String(limit) })}`);
export const searchArticles = (q: string, locale: Locale | '', limit = 50) =>
  requestJson<KnowledgeSearchResponse>(`/api/knowledge/search?${query({ q, locale, limit: String(limit) })}`);

export const getArticle = (id: string) => requestJson<ArticleAnswer>(articlePath(id));
export const createArticle = (input: KnowledgeArticleInput) =>
  requestJson<ArticleAnswer>('/api/knowledge/articles', { method: 'POST', body: input });
export const updateArticle = (id: string, update: KnowledgeArticleUpdate) =>
  requestJson<ArticleAnswer>(articlePath(id), { method: 'PATCH', body: update });
export const changeArticleState = (id: string, change: KnowledgeStateChange) =>
  requestJson<ArticleAnswer>(`${articlePath(id)}/state`, { method: 'POST', body: change });

export const listRevisions = (id: string, locale: Locale) =>
  requestJson<KnowledgeRevisionsResponse>(`${articlePath(id)}/revisions?${query({ locale })}`);
export const restoreRevision = (id: string, revisionId: string) =>
  requestJson<ArticleAnswer>(`${articlePath(id)}/revisions/${encodeURIComponent(revisionId)}/restore`, {
    method: 'POST',
  });

export const attachUpload = (id: string, uploadId: string) =>
  requestJson<{ attachment: KnowledgeAttachmentView }>(`${articlePath(id)}/attachments`, {
    method: 'POST',
    body: { uploadId },
  });
export const removeAttachment = (id: string, attachmentId: string) =>
  requestJson<void>(`${articlePath(id)}/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' });

export const getArticleSuggestions = (ticketId: string) =>
  requestJson<ArticleSuggestionsResponse>(`/api/tickets/${encodeURIComponent(ticketId)}/article-suggestions`);
export const insertArticle = (articleId: string, input: ArticleInsertionInput) =>
  requestJson<ArticleInsertion>(`${articlePath(articleId)}/insertions`, { method: 'POST', body: input });

export const getKnowledgeStats = (range: { from: string; to: string }) =>
  requestJson<KnowledgeStats>(`/api/knowledge/stats?${query(range)}`);

export const listEditors = () => requestJson<KnowledgeEditorsResponse>('/api/knowledge/editors');
export const setEditorRole = (userId: string, role: KnowledgeEditorRole | null) =>
  requestJson<KnowledgeEditorsResponse>(`/api/knowledge/editors/${encodeURIComponent(userId)}`, {
    method: 'PUT',
    body: { role },
  });
