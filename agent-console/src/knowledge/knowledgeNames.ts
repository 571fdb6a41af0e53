import type { Locale } from '../../../server/http/apiTypes';
import type { KnowledgeArticleSummary, KnowledgeCategoryView } from '../../../server/http/knowledgeApiTypes';

/** Locales in the order the console lists them. */
export const ARTICLE_LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** The name in the console's language, else in the other one, else the address name. */
export function categoryName(category: KnowledgeCategoryView, locale: string): string {
  const names = category.names;
  return (
    names[locale as Locale]?.name || ARTICLE_LOCALES.map((other) => names[other]?.name).find(Boolean) || category.slug
  );
}

/** The title in the console's language, else in another the article is written in (empty when none has one). */
export function articleTitle(article: Pick<KnowledgeArticleSummary, 'titles'>, locale: string): string {
  return article.titles[locale as Locale] || ARTICLE_LOCALES.map((other) => article.titles[other]).find(Boolean) || '';
}

/** Tags as typed: commas (Chinese ones too) separate them; blanks and repeats are dropped. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
