import type { CategoryView } from '../articles/categories';
import { articlePath } from '../articles/articleVisibility';
import type { KbLocale } from '../db';
import { renderMarkdown } from '../markdown/renderMarkdown';
import { escapeHtml } from '../search/escapeHtml';
import type { ArticleHit } from '../search/searchArticles';
import type { ArticleLink, LiveArticle } from './helpCenterData';
import { describe, renderPage } from './helpCenterLayout';
import { helpCenterText } from './helpCenterText';
import { joinSpacedWords } from '../search/segmentWords';

// Each page is one function of data already read: escaping is done here, next to the markup it goes into.

const categoryName = (c: CategoryView, locale: KbLocale) =>
  c.names[locale] ?? c.names.en ?? { name: c.slug, description: '' };

const articleList = (locale: KbLocale, articles: ArticleLink[]) =>
  articles.length
    ? `<ul>${articles.map((a) => `<li><a href="${escapeHtml(articlePath(locale, a.id, a.slug))}">${escapeHtml(a.title)}</a></li>`).join('')}</ul>`
    : `<p>${escapeHtml(helpCenterText[locale].noArticles)}</p>`;

type Absolute = (path: string) => string;

export function homePage(locale: KbLocale, abs: Absolute, categories: CategoryView[], recent: ArticleLink[]) {
  const t = helpCenterText[locale];
  const shown = categories.filter((c) => c.articleCount > 0);
  const body = `<h1>${escapeHtml(t.siteName)}</h1>
<h2>${escapeHtml(t.categories)}</h2>
<ul class="categories">${shown
    .map((c) => {
      const n = categoryName(c, locale);
      return `<li><a href="/help/${locale}/categories/${escapeHtml(c.slug)}">${escapeHtml(n.name)}</a> (${c.articleCount})${
        n.description ? `<br><span class="snippet">${escapeHtml(n.description)}</span>` : ''
      }</li>`;
    })
    .join('')}</ul>
<h2>${escapeHtml(t.recent)}</h2>
${articleList(locale, recent.slice(0, 10))}`;
  return renderPage(
    {
      locale,
      title: t.siteName,
      description: t.description,
      canonical: abs(`/help/${locale}`),
      alternates: { en: abs('/help/en'), 'zh-CN': abs('/help/zh-CN') },
    },
    body,
  );
}

export function categoryPage(locale: KbLocale, abs: Absolute, category: CategoryView, articles: ArticleLink[]) {
  const n = categoryName(category, locale);
  const path = (l: KbLocale) => `/help/${l}/categories/${category.slug}`;
  return renderPage(
    {
      locale,
      title: n.name,
      description: describe(n.description || `${n.name} · ${helpCenterText[locale].siteName}`),
      canonical: abs(path(locale)),
      alternates: { en: abs(path('en')), 'zh-CN': abs(path('zh-CN')) },
    },
    `<h1>${escapeHtml(n.name)}</h1>${n.description ? `<p>${escapeHtml(n.description)}</p>` : ''}${articleList(locale, articles)}`,
  );
}

export function articlePage(locale: KbLocale, abs: Absolute, article: LiveArticle, voted: 'yes' | 'no' | null) {
  const t = helpCenterText[locale];
  const alternates = Object.fromEntries(
    article.alternates.map((a) => [a.locale, abs(articlePath(a.locale, article.id, a.slug))]),
  );
  const vote = voted
    ? `<p role="status">${escapeHtml(t.thanks)}</p>`
    : `<p>${escapeHtml(t.helpfulQuestion)}</p>
<form method="post" action="/help/${locale}/articles/${article.id}/votes"><input type="hidden" name="helpful" value="yes"><button type="submit">${escapeHtml(t.yes)}</button></form>
<form method="post" action="/help/${locale}/articles/${article.id}/votes"><input type="hidden" name="helpful" value="no"><button type="submit">${escapeHtml(t.no)}</button></form>`;
  const updated = article.updatedAt.toISOString().slice(0, 10);
  return renderPage(
    {
      locale,
      title: article.title,
      description: describe(joinSpacedWords(article.snippetText) || article.title),
      canonical: abs(articlePath(locale, article.id, article.slug)),
      alternates,
    },
    `<article><h1>${escapeHtml(article.title)}</h1>
<p class="snippet">${escapeHtml(t.updated)} <time datetime="${updated}">${updated}</time></p>
${renderMarkdown(article.body)}</article>
<section class="vote" aria-label="${escapeHtml(t.helpfulQuestion)}">${vote}</section>`,
  );
}

export function searchPage(locale: KbLocale, abs: Absolute, q: string, hits: ArticleHit[], fuzzy: boolean) {
  const t = helpCenterText[locale];
  const results = hits.length
    ? `${fuzzy ? `<p>${escapeHtml(t.fuzzy)}</p>` : ''}<ul class="results">${hits
        .map(
          (h) =>
            `<li><a href="${escapeHtml(h.path)}">${escapeHtml(h.title)}</a><br><span class="snippet">${h.snippetHtml}</span></li>`,
        )
        .join('')}</ul>`
    : `<p>${escapeHtml(t.noResults)}</p>`;
  return renderPage(
    {
      locale,
      title: t.resultsFor(q),
      description: t.description,
      canonical: abs(`/help/${locale}/search?q=${encodeURIComponent(q)}`),
      alternates: {},
      noindex: true,
    },
    `<h1>${escapeHtml(t.resultsFor(q))}</h1>${results}`,
    q,
  );
}

export function notFoundPage(locale: KbLocale, abs: Absolute) {
  const t = helpCenterText[locale];
  return renderPage(
    {
      locale,
      title: t.notFound,
      description: t.notFoundText,
      canonical: abs(`/help/${locale}`),
      alternates: {},
      noindex: true,
    },
    `<h1>${escapeHtml(t.notFound)}</h1><p>${escapeHtml(t.notFoundText)}</p>`,
  );
}

export function sitemapXml(
  abs: Absolute,
  entries: (ArticleLink & { alternates: { locale: KbLocale; slug: string }[] })[],
  locale: KbLocale,
) {
  const url = (e: (typeof entries)[number]) =>
    `<url><loc>${escapeHtml(abs(articlePath(locale, e.id, e.slug)))}</loc>${e.alternates
      .map(
        (a) =>
          `<xhtml:link rel="alternate" hreflang="${a.locale}" href="${escapeHtml(abs(articlePath(a.locale, e.id, a.slug)))}"/>`,
      )
      .join('')}<lastmod>${e.updatedAt.toISOString()}</lastmod></url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>${escapeHtml(abs(`/help/${locale}`))}</loc></url>
${entries.map(url).join('\n')}
</urlset>
`;
}
