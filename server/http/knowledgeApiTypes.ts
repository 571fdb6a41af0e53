// The knowledge base on the wire, shared with the console (import type only: no runtime code here but constants).
//
// Routes (all JSON; errors are ApiError; "editor" = may write, "approver" = may publish, admins are both):
//   GET    /api/knowledge/permissions                                  any role       → KnowledgePermissions
//   GET    /api/knowledge/categories                                   any role       → KnowledgeCategoriesResponse
//   POST   /api/knowledge/categories            KnowledgeCategoryInput approver       → { category } (201)
//   PATCH  /api/knowledge/categories/:id        Partial<…Input>        approver       → { category }
//   GET    /api/knowledge/articles?q&state&categoryId&tag&locale&limit any role      → KnowledgeArticleListResponse
//          (agents see internal + published; writers/approvers/admins see every state)
//   POST   /api/knowledge/articles              KnowledgeArticleInput  writer         → { article } (201)
//   GET    /api/knowledge/articles/:id                                 any role       → { article: KnowledgeArticleView }
//   PATCH  /api/knowledge/articles/:id          KnowledgeArticleUpdate writer         → { article } (a revision per
//          changed variant; a writer may change drafts only, an approver any article)
//   POST   /api/knowledge/articles/:id/state    KnowledgeStateChange   approver       → { article }
//   GET    /api/knowledge/articles/:id/revisions?locale                writer         → KnowledgeRevisionsResponse
//   GET    /api/knowledge/articles/:id/revisions/:revisionId/diff?against=<revisionId>
//                                                                     writer         → KnowledgeRevisionDiff
//          (against omitted: the revision before it in the same locale)
//   POST   /api/knowledge/articles/:id/revisions/:revisionId/restore   writer         → { article } (a new revision)
//   POST   /api/knowledge/articles/:id/attachments  { uploadId }       writer         → { attachment } (201)
//          (upload the bytes first with POST /api/uploads?filename=…; an image is embedded in Markdown as
//          `![alt](attachment.url)`)
//   DELETE /api/knowledge/articles/:id/attachments/:attachmentId       writer         → 204
//   GET    /api/knowledge/attachments/:attachmentId                    any role       → the file (of an article the
//          caller may read: drafts for writers; Range → 206; the console's preview reads attachment.url through it)
//   GET    /help/files/:attachmentId/:filename (attachment.url)        anyone, live articles' files only
//   POST   /api/knowledge/preview               { markdown }           any role       → { html } (as the help center renders it)
//   GET    /api/knowledge/search?q&locale&limit                        any role       → KnowledgeSearchResponse
//   GET    /api/tickets/:id/article-suggestions                        any role       → ArticleSuggestionsResponse
//          (logged as "shown")
//   POST   /api/knowledge/articles/:id/insertions ArticleInsertionInput any role      → ArticleInsertion (logged as
//          "inserted"; the reply that carries the text names the article in knowledgeArticleIds)
//   POST   /api/tickets/:id/replies  { …, knowledgeArticleIds?: string[] } (the existing reply route; logged as "sent"
//          once the reply is sent, never for a reply that fails)
//   GET    /api/knowledge/stats?from&to                                supervisors    → KnowledgeStats
//   GET    /api/knowledge/editors                                      admins         → KnowledgeEditorsResponse
//   PUT    /api/knowledge/editors/:userId       { role: KnowledgeEditorRole | null } admins → KnowledgeEditorsResponse
//
// Public help center (server-rendered HTML, no sign-in): /help, /help/{locale}, /help/{locale}/categories/{slug},
// /help/{locale}/articles/{id}-{slug}, /help/{locale}/search?q=, POST /help/{locale}/articles/{id}/votes,
// /help/{locale}/sitemap.xml, /help/files/{attachmentId}/{name}.
import type { Locale } from './apiTypes';

export const KNOWLEDGE_STATES = ['draft', 'internal', 'published', 'archived'] as const;
/** draft: writers only; internal: agents; published: everyone, the help center too (from publishAt on); archived: nobody. */
export type KnowledgeState = (typeof KNOWLEDGE_STATES)[number];

export const KNOWLEDGE_EDITOR_ROLES = ['writer', 'approver'] as const;
/** writer: writes and changes drafts; approver: also publishes, archives and changes any article. Admins are both. */
export type KnowledgeEditorRole = (typeof KNOWLEDGE_EDITOR_ROLES)[number];

export interface KnowledgePermissions {
  canWrite: boolean;
  canPublish: boolean;
  /** Admins: may grant writer / approver. */
  canManageEditors: boolean;
}

export interface KnowledgeCategoryView {
  id: string;
  /** Used in help center URLs: lowercase letters, digits and dashes. */
  slug: string;
  position: number;
  /** Name and description per locale; a locale missing falls back to English in the help center. */
  names: Partial<Record<Locale, { name: string; description: string }>>;
  /** Articles visible to you in it. */
  articleCount: number;
}

export interface KnowledgeCategoriesResponse {
  categories: KnowledgeCategoryView[];
}

export interface KnowledgeCategoryInput {
  slug: string;
  position?: number;
  names: Partial<Record<Locale, { name: string; description?: string }>>;
}

export interface KnowledgeVariantInput {
  locale: Locale;
  title: string;
  /** Markdown (raw HTML is shown as text). */
  body: string;
}

export interface KnowledgeArticleInput {
  categoryId: string | null;
  tags?: string[];
  /** At least one locale. */
  variants: KnowledgeVariantInput[];
}

export interface KnowledgeArticleUpdate {
  categoryId?: string | null;
  tags?: string[];
  /** The variants given are saved (each one changed makes a revision); the others stay. */
  variants?: KnowledgeVariantInput[];
}

export interface KnowledgeStateChange {
  state: KnowledgeState;
  /** With state published: when it goes live (ISO time); omitted or past = now. */
  publishAt?: string | null;
}

export interface KnowledgeVariantView {
  locale: Locale;
  title: string;
  body: string;
  /** Used in the public URL: /help/{locale}/articles/{articleId}-{slug}. */
  slug: string;
  /** The help center page, whether it is live or not. */
  publicUrl: string;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
  revisionCount: number;
}

export interface KnowledgeAttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Markdown may use this address; it serves the file publicly once the article is published. */
  url: string;
  isImage: boolean;
}

export interface KnowledgeArticleSummary {
  id: string;
  state: KnowledgeState;
  /** Set for scheduled publishing; the article is live once this time has passed. */
  publishAt: string | null;
  /** state published and publishAt passed (or none). */
  isLive: boolean;
  categoryId: string | null;
  tags: string[];
  /** The title in each locale it is written in. */
  titles: Partial<Record<Locale, string>>;
  locales: Locale[];
  updatedAt: string;
}

export interface KnowledgeArticleView extends KnowledgeArticleSummary {
  variants: KnowledgeVariantView[];
  attachments: KnowledgeAttachmentView[];
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export interface KnowledgeArticleListResponse {
  articles: KnowledgeArticleSummary[];
}

export interface KnowledgeRevisionView {
  id: string;
  locale: Locale;
  title: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  /** The revision this one was restored from, if it was a restore. */
  restoredFromId: string | null;
}

export interface KnowledgeRevisionsResponse {
  /** Newest first. */
  revisions: KnowledgeRevisionView[];
}

/** One run of lines of a line diff (the `diff` package's change objects). */
export interface KnowledgeDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface KnowledgeRevisionDiff {
  /** null when the revision is the first of its locale (everything added). */
  from: KnowledgeRevisionView | null;
  to: KnowledgeRevisionView;
  title: KnowledgeDiffPart[];
  body: KnowledgeDiffPart[];
}

export interface KnowledgeSearchHit {
  articleId: string;
  locale: Locale;
  title: string;
  state: KnowledgeState;
  /** HTML: the text escaped, matched words in <mark>…</mark>. Safe to render as HTML. */
  snippetHtml: string;
  rank: number;
  /** Its help center page, as a path on this server (/help/{locale}/articles/…): live only once published. */
  publicUrl: string;
}

export interface KnowledgeSearchResponse {
  hits: KnowledgeSearchHit[];
  /** True when no word matched exactly and the hits come from the typo-tolerant (trigram) fallback. */
  fuzzy: boolean;
}

export interface ArticleSuggestion extends KnowledgeSearchHit {
  /** Live on the help center: only then may its public link be sent to a customer. */
  isPublic: boolean;
}

export interface ArticleSuggestionsResponse {
  /** The words (segmented) of the ticket's subject and last customer message the suggestions were searched with. */
  queryWords: string[];
  suggestions: ArticleSuggestion[];
}

export interface ArticleInsertionInput {
  ticketId: string;
  /** answer: the article's text (Markdown as plain text); link: its public help center link (published only). */
  kind: 'answer' | 'link';
  locale?: Locale;
}

export interface ArticleInsertion {
  /** What to put into the reply. */
  text: string;
  articleId: string;
  locale: Locale;
}

export interface KnowledgeArticleStats {
  articleId: string;
  title: string;
  views: number;
  helpful: number;
  unhelpful: number;
  suggestionsShown: number;
  suggestionsInserted: number;
  suggestionsSent: number;
}

export interface KnowledgeStats {
  from: string;
  to: string;
  totals: {
    views: number;
    helpful: number;
    unhelpful: number;
    searches: number;
    searchesWithoutResult: number;
    suggestionsShown: number;
    suggestionsInserted: number;
    suggestionsSent: number;
    /** Tickets resolved or closed in the period that had a reply carrying an article. */
    ticketsSolvedWithArticle: number;
  };
  /** Most viewed first. */
  articles: KnowledgeArticleStats[];
  /** What people looked for and did not find: what to write next. Most asked first. */
  searchesWithoutResult: { query: string; locale: Locale | null; count: number; lastAt: string }[];
}

export interface KnowledgeEditorView {
  userId: string;
  name: string;
  email: string;
  role: KnowledgeEditorRole;
}

export interface KnowledgeEditorsResponse {
  editors: KnowledgeEditorView[];
}
