import express, { type Request, type Response } from 'express';
import { listCategories } from '../articles/categories';
import { findAttachment, type StoredFile } from '../articles/attachments';
import { KB_LOCALES, type KbLocale, type KbSql } from '../db';
import { searchArticles } from '../search/searchArticles';
import { logArticleView, recordVote } from '../usage/readerFeedback';
import { findLiveArticle, listLiveArticles, sitemapEntries } from './helpCenterData';
import { articlePage, categoryPage, homePage, notFoundPage, searchPage, sitemapXml } from './helpCenterPages';

export interface HelpCenterOptions {
  sql: KbSql;
  /** The server's public address (PUBLIC_URL): canonical links, hreflang and the sitemap are absolute. */
  publicUrl: () => string;
  /** Answers with a stored file's bytes (the server's file store). */
  sendFile: (req: Request, res: Response, file: StoredFile) => Promise<void>;
}

const isLocale = (l: string): l is KbLocale => (KB_LOCALES as readonly string[]).includes(l);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public help center, server-rendered, no sign-in: /help redirects by the browser's language; only live articles
 * (published, publish_at passed) are ever shown. Mounted by the server at /help, behind its cross-origin refusal.
 */
export function helpCenterRouter(options: HelpCenterOptions) {
  const { sql } = options;
  const router = express.Router({ strict: false });
  const abs = (path: string) => `${options.publicUrl().replace(/\/$/, '')}${path}`;
  const html = (res: Response, status: number, page: string) =>
    res.status(status).type('html').setHeader('Cache-Control', 'no-cache').send(page);
  const notFound = (res: Response, locale: KbLocale = 'en') => html(res, 404, notFoundPage(locale, abs));

  router.get('/', (req, res) => {
    const preferred = req.acceptsLanguages('en', 'zh-CN', 'zh');
    res.setHeader('Vary', 'Accept-Language');
    res.redirect(302, `/help/${preferred && preferred.startsWith('zh') ? 'zh-CN' : 'en'}`);
  });

  router.get('/files/:id/:name', async (req, res) => {
    const id = req.params.id;
    // Live articles' files only, whoever asks: a public address never answers differently for a signed-in reader (a
    // shared cache could keep a draft's file). Staff preview drafts through /api/knowledge/attachments/:id.
    const file = UUID.test(id) ? await findAttachment(sql, id, 'public') : null;
    if (!file) return void notFound(res);
    await options.sendFile(req, res, file);
  });

  router.get('/:locale', async (req, res) => {
    const { locale } = req.params;
    if (!isLocale(locale)) return void notFound(res);
    const [categories, recent] = await Promise.all([
      listCategories(sql, 'public', locale),
      listLiveArticles(sql, locale, undefined, 10),
    ]);
    html(res, 200, homePage(locale, abs, categories, recent));
  });

  router.get('/:locale/categories/:slug', async (req, res) => {
    const { locale, slug } = req.params;
    if (!isLocale(locale)) return void notFound(res);
    const category = (await listCategories(sql, 'public', locale)).find((c) => c.slug === slug);
    if (!category) return void notFound(res, locale);
    html(res, 200, categoryPage(locale, abs, category, await listLiveArticles(sql, locale, category.id)));
  });

  router.get('/:locale/articles/:idSlug', async (req, res) => {
    const { locale, idSlug } = req.params;
    if (!isLocale(locale)) return void notFound(res);
    const id = idSlug.slice(0, 36);
    const article = UUID.test(id) ? await findLiveArticle(sql, id, locale) : null;
    if (!article) return void notFound(res, locale);
    const voted = req.query.voted === 'yes' || req.query.voted === 'no' ? req.query.voted : null;
    if (!voted) await logArticleView(sql, id, locale);
    html(res, 200, articlePage(locale, abs, article, voted));
  });

  // A plain form POST, so voting works without JavaScript; answered with a redirect back (post/redirect/get).
  router.post(
    '/:locale/articles/:id/votes',
    express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 }),
    async (req: Request<{ locale: string; id: string }>, res) => {
      const { locale, id } = req.params;
      const helpful = (req.body as Record<string, unknown> | undefined)?.helpful;
      if (!isLocale(locale) || !UUID.test(id)) return void notFound(res);
      if (helpful !== 'yes' && helpful !== 'no')
        return void res.status(400).type('text').send('Say whether the article helped: helpful=yes or helpful=no.');
      const article = await findLiveArticle(sql, id, locale);
      if (!article || !(await recordVote(sql, id, locale, helpful === 'yes'))) return void notFound(res, locale);
      res.redirect(303, `/help/${locale}/articles/${id}${article.slug ? `-${article.slug}` : ''}?voted=${helpful}`);
    },
  );

  router.get('/:locale/search', async (req, res) => {
    const { locale } = req.params;
    if (!isLocale(locale)) return void notFound(res);
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
    if (!q) return void res.redirect(302, `/help/${locale}`);
    const found = await searchArticles(sql, { q, audience: 'public', locale, limit: 20, logAs: 'help' });
    html(res, 200, searchPage(locale, abs, q, found.hits, found.fuzzy));
  });

  router.get('/:locale/sitemap.xml', async (req, res) => {
    const { locale } = req.params;
    if (!isLocale(locale)) return void notFound(res);
    res.type('application/xml').send(sitemapXml(abs, await sitemapEntries(sql, locale), locale));
  });

  router.use((req: Request, res: Response) => {
    const locale = req.path.split('/')[1];
    notFound(res, isLocale(locale) ? locale : 'en');
  });
  return router;
}
