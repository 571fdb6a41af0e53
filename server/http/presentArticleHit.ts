import type { ArticleHit } from '../../knowledge-base/search/searchArticles';
import type { ArticleSuggestion, KnowledgeSearchHit } from './knowledgeApiTypes';

/** A knowledge base search hit as the API sends it. */
export const presentArticleHit = (h: ArticleHit): KnowledgeSearchHit => ({
  articleId: h.articleId,
  locale: h.locale,
  title: h.title,
  state: h.state,
  snippetHtml: h.snippetHtml,
  rank: h.rank,
  publicUrl: h.path,
});

export const presentArticleSuggestion = (h: ArticleHit): ArticleSuggestion => ({
  ...presentArticleHit(h),
  isPublic: h.isPublic,
});
