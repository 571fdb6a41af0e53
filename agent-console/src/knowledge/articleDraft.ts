import type { Locale } from '../../../server/http/apiTypes';
import type {
  KnowledgeArticleInput,
  KnowledgeArticleUpdate,
  KnowledgeArticleView,
  KnowledgeVariantInput,
} from '../../../server/http/knowledgeApiTypes';
import { ARTICLE_LOCALES, parseTags } from './knowledgeNames';

/** An article as its editor holds it: a title and Markdown text per language (empty: not written), tags as typed. */
export interface ArticleDraft {
  categoryId: string;
  tags: string;
  variants: Record<Locale, { title: string; body: string }>;
}

export function draftOf(article: KnowledgeArticleView | null): ArticleDraft {
  const variant = (locale: Locale) => article?.variants.find((v) => v.locale === locale);
  return {
    categoryId: article?.categoryId ?? '',
    tags: article?.tags.join(', ') ?? '',
    variants: Object.fromEntries(
      ARTICLE_LOCALES.map((locale) => [
        locale,
        { title: variant(locale)?.title ?? '', body: variant(locale)?.body ?? '' },
      ]),
    ) as ArticleDraft['variants'],
  };
}

const written = (variant: { title: string; body: string }) => variant.title.trim() !== '' || variant.body.trim() !== '';

/** The languages the draft has text in, each as the server takes it. */
function writtenVariants(draft: ArticleDraft): KnowledgeVariantInput[] {
  return ARTICLE_LOCALES.filter((locale) => written(draft.variants[locale])).map((locale) => ({
    locale,
    title: draft.variants[locale].title.trim(),
    body: draft.variants[locale].body,
  }));
}

/** A new article from the draft; null while no language has any text. */
export function newArticleOf(draft: ArticleDraft): KnowledgeArticleInput | null {
  const variants = writtenVariants(draft);
  if (variants.length === 0) return null;
  return { categoryId: draft.categoryId || null, tags: parseTags(draft.tags), variants };
}

/**
 * What changed since the article was read: only changed languages are sent, since each one saved makes a revision.
 * Empty when nothing changed.
 */
export function changesOf(draft: ArticleDraft, article: KnowledgeArticleView): KnowledgeArticleUpdate {
  const saved = draftOf(article);
  const update: KnowledgeArticleUpdate = {};
  if ((draft.categoryId || null) !== article.categoryId) update.categoryId = draft.categoryId || null;
  const tags = parseTags(draft.tags);
  if (tags.join('\n') !== article.tags.join('\n')) update.tags = tags;
  const variants = writtenVariants(draft).filter(
    (variant) =>
      variant.title !== saved.variants[variant.locale].title.trim() ||
      variant.body !== saved.variants[variant.locale].body,
  );
  if (variants.length) update.variants = variants;
  return update;
}

export const hasChanges = (update: KnowledgeArticleUpdate) => Object.keys(update).length > 0;

/** The text with `insert` put where the caret is (or at the end), and where the caret goes after it. */
export function insertAt(text: string, caret: number | null, insert: string) {
  const at = caret ?? text.length;
  const before = text.slice(0, at);
  const gap = before && !before.endsWith('\n') ? '\n' : '';
  const next = `${before}${gap}${insert}\n${text.slice(at)}`;
  return { text: next, caret: at + gap.length + insert.length + 1 };
}

/** Markdown that shows an attached file: an image inline, any other file as a link. */
export function attachmentMarkdown(attachment: { filename: string; url: string; isImage: boolean }): string {
  const label = attachment.filename.replace(/[[\]]/g, '');
  return attachment.isImage ? `![${label}](${attachment.url})` : `[${label}](${attachment.url})`;
}
