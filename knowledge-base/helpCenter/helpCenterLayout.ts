import { KB_LOCALES, type KbLocale } from '../db';
import { escapeHtml } from '../search/escapeHtml';
import { helpCenterText } from './helpCenterText';

export interface PageHead {
  locale: KbLocale;
  title: string;
  description: string;
  /** Absolute URL of this page. */
  canonical: string;
  /** This page in each locale it exists in (absolute URLs), for hreflang. */
  alternates: Partial<Record<KbLocale, string>>;
  /** Pages that must not be indexed (search results, not found). */
  noindex?: boolean;
}

const STYLE = `body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header,main,footer{max-width:46rem;margin:0 auto;padding:1rem}header{display:flex;gap:1rem;align-items:center;justify-content:space-between}
header a{color:inherit;text-decoration:none;font-weight:600}form.search{display:flex;gap:.5rem;margin:1rem 0}
form.search input{flex:1;padding:.5rem;font:inherit}button{font:inherit;padding:.4rem .9rem}a{color:#0b61a4}
mark{background:#fde68a}article img{max-width:100%}ul.results li{margin-bottom:1rem}.snippet{color:#52606d}
.vote{margin-top:2rem;padding:1rem;background:#fff;border-radius:.5rem}.vote form{display:inline}footer{color:#7b8794;font-size:.9rem}`;

/**
 * A whole page: every value put into it is escaped here or by the caller (`body` is the caller's finished HTML); `q`
 * fills the search box.
 */
export function renderPage(head: PageHead, body: string, q = ''): string {
  const t = helpCenterText[head.locale];
  const other = KB_LOCALES.find((l) => l !== head.locale)!;
  const alternates = Object.entries(head.alternates)
    .map(([locale, href]) => `<link rel="alternate" hreflang="${locale}" href="${escapeHtml(href)}">`)
    .join('\n');
  const xDefault = head.alternates.en ?? head.alternates[head.locale];
  return `<!doctype html>
<html lang="${head.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(head.title)} · ${escapeHtml(t.siteName)}</title>
<meta name="description" content="${escapeHtml(head.description)}">
${head.noindex ? '<meta name="robots" content="noindex">' : ''}
<link rel="canonical" href="${escapeHtml(head.canonical)}">
${alternates}
${xDefault ? `<link rel="alternate" hreflang="x-default" href="${escapeHtml(xDefault)}">` : ''}
<style>${STYLE}</style>
</head>
<body>
<header><a href="/help/${head.locale}">${escapeHtml(t.siteName)}</a>
<a href="${escapeHtml(head.alternates[other] ?? `/help/${other}`)}" hreflang="${other}" lang="${other}">${escapeHtml(t.otherLanguage)}</a></header>
<main>
${searchForm(head.locale, q)}
${body}
</main>
<footer><a href="/help/${head.locale}">${escapeHtml(t.home)}</a></footer>
</body>
</html>`;
}

export function searchForm(locale: KbLocale, q = '') {
  const t = helpCenterText[locale];
  return `<form class="search" role="search" method="get" action="/help/${locale}/search">
<input type="search" name="q" value="${escapeHtml(q)}" aria-label="${escapeHtml(t.searchLabel)}" placeholder="${escapeHtml(t.searchLabel)}" maxlength="200">
<button type="submit">${escapeHtml(t.searchButton)}</button></form>`;
}

/** A meta description: the first words of a text, at most about 160 characters. */
export function describe(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 160 ? flat : `${flat.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}
