import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let writer: TestClient;
let agent: TestClient;
let agentUser: { id: string };
let categoryId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const w = await aUser(db.sql, 'agent');
  writer = await new TestClient(server.url).signIn(w.email, w.password);
  const g = await aUser(db.sql, 'agent');
  agentUser = g;
  agent = await new TestClient(server.url).signIn(g.email, g.password);
  expect((await admin.put(`/api/knowledge/editors/${w.id}`, { role: 'writer' })).status).toBe(200);
  const c = await admin.post('/api/knowledge/categories', {
    slug: 'billing',
    names: { en: { name: 'Billing', description: 'Money matters' }, 'zh-CN': { name: '账单' } },
  });
  expect(c.status, c.text).toBe(201);
  categoryId = c.body.category.id;
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function anArticle(client: TestClient, variants: { locale: string; title: string; body: string }[]) {
  const res = await client.post('/api/knowledge/articles', { categoryId, tags: ['Refund'], variants });
  expect(res.status, res.text).toBe(201);
  return res.body.article as { id: string; state: string; variants: { locale: string; publicUrl: string }[] };
}
const setState = (id: string, state: string, publishAt?: string) =>
  admin.post(`/api/knowledge/articles/${id}/state`, { state, publishAt });
const anonymous = () => new TestClient(server.url);
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + path, { headers, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
};
const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1];

describe('articles, revisions and who may publish', () => {
  it('when a writer saves twice, then each save is a revision with its author; a diff shows the change; restoring makes a new revision', async () => {
    const article = await anArticle(writer, [{ locale: 'en', title: 'Refund times', body: 'Refunds take 5 days.\n' }]);
    const saved = await writer.patch(`/api/knowledge/articles/${article.id}`, {
      variants: [{ locale: 'en', title: 'Refund times', body: 'Refunds take 3 days.\n' }],
    });
    expect(saved.status, saved.text).toBe(200);
    const revisions = (await writer.get(`/api/knowledge/articles/${article.id}/revisions?locale=en`)).body.revisions;
    expect(revisions).toHaveLength(2);
    expect(revisions[0].author.id).toBeTruthy();
    expect(Math.abs(Date.parse(revisions[0].createdAt) - Date.now())).toBeLessThan(60_000);
    const diff = await writer.get(`/api/knowledge/articles/${article.id}/revisions/${revisions[0].id}/diff`);
    expect(diff.body.body).toEqual([
      { kind: 'removed', text: 'Refunds take 5 days.\n' },
      { kind: 'added', text: 'Refunds take 3 days.\n' },
    ]);
    const restored = await writer.post(`/api/knowledge/articles/${article.id}/revisions/${revisions[1].id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.article.variants[0].body).toBe('Refunds take 5 days.\n');
    const after = (await writer.get(`/api/knowledge/articles/${article.id}/revisions`)).body.revisions;
    expect(after).toHaveLength(3);
    expect(after[0].restoredFromId).toBe(revisions[1].id);
  });

  it('when a writer tries to publish, or to change a published article, then 403; an approver may; an agent may not write at all', async () => {
    const article = await anArticle(writer, [{ locale: 'en', title: 'Gift cards', body: 'Gift cards never expire.' }]);
    expect((await writer.post(`/api/knowledge/articles/${article.id}/state`, { state: 'published' })).status).toBe(403);
    expect((await setState(article.id, 'published')).status).toBe(200);
    const change = { variants: [{ locale: 'en', title: 'Gift cards', body: 'Changed.' }] };
    expect((await writer.patch(`/api/knowledge/articles/${article.id}`, change)).status).toBe(403);
    expect((await admin.patch(`/api/knowledge/articles/${article.id}`, change)).status).toBe(200);
    const refused = await agent.post('/api/knowledge/articles', {
      categoryId: null,
      variants: [{ locale: 'en', title: 'x', body: 'y' }],
    });
    expect(refused.status).toBe(403);
  });

  it('when an admin makes an agent an approver, then they publish and change live articles; when it is taken back, they may not even write', async () => {
    const u = await aUser(db.sql, 'agent');
    const approver = await new TestClient(server.url).signIn(u.email, u.password);
    const article = await anArticle(writer, [{ locale: 'en', title: 'Store credit', body: 'Credit lasts a year.' }]);
    expect((await approver.post(`/api/knowledge/articles/${article.id}/state`, { state: 'published' })).status).toBe(
      403,
    );
    expect((await writer.put(`/api/knowledge/editors/${u.id}`, { role: 'approver' })).status).toBe(403);

    expect((await admin.put(`/api/knowledge/editors/${u.id}`, { role: 'approver' })).status).toBe(200);
    expect((await approver.get('/api/knowledge/permissions')).body).toEqual({
      canWrite: true,
      canPublish: true,
      canManageEditors: false,
    });
    const published = await approver.post(`/api/knowledge/articles/${article.id}/state`, { state: 'published' });
    expect(published.status, published.text).toBe(200);
    expect(published.body.article).toMatchObject({ state: 'published', isLive: true });
    const change = { variants: [{ locale: 'en', title: 'Store credit', body: 'Credit lasts two years.' }] };
    expect((await approver.patch(`/api/knowledge/articles/${article.id}`, change)).status).toBe(200);
    expect((await approver.get('/api/knowledge/editors')).status).toBe(403);

    expect((await admin.put(`/api/knowledge/editors/${u.id}`, { role: null })).status).toBe(200);
    expect((await approver.post(`/api/knowledge/articles/${article.id}/state`, { state: 'archived' })).status).toBe(
      403,
    );
    const refused = await approver.post('/api/knowledge/articles', {
      categoryId: null,
      variants: [{ locale: 'en', title: 'x', body: 'y' }],
    });
    expect(refused.status).toBe(403);
  });

  it('when categories are added or renamed, then only approvers may, a slug is taken once, and names are per locale', async () => {
    const input = { slug: 'returns', names: { en: { name: 'Returns' } } };
    expect((await writer.post('/api/knowledge/categories', input)).status).toBe(403);
    const created = await admin.post('/api/knowledge/categories', input);
    expect(created.status, created.text).toBe(201);
    const taken = await admin.post('/api/knowledge/categories', input);
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'slug', message: 'is taken by another category' }]);
    const renamed = await admin.patch(`/api/knowledge/categories/${created.body.category.id}`, {
      names: { 'zh-CN': { name: '退货', description: '退货与换货' } },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.category.names).toEqual({
      en: { name: 'Returns', description: '' },
      'zh-CN': { name: '退货', description: '退货与换货' },
    });
    const listed = (await agent.get('/api/knowledge/categories')).body.categories;
    expect(listed.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['billing', 'returns']));
  });

  it('when an article is tagged, then its tags are kept lowercase and once each, and the list filters by tag', async () => {
    const tagged = await writer.post('/api/knowledge/articles', {
      categoryId,
      tags: [' Warranty ', 'warranty', 'Returns'],
      variants: [{ locale: 'en', title: 'Warranty returns', body: 'Send it back within two years.' }],
    });
    expect(tagged.status, tagged.text).toBe(201);
    expect(tagged.body.article.tags).toEqual(['warranty', 'returns']);
    const other = await anArticle(writer, [{ locale: 'en', title: 'Untagged warranty', body: 'Nothing tagged.' }]);
    const byTag = async (tag: string) =>
      (await writer.get(`/api/knowledge/articles?tag=${encodeURIComponent(tag)}`)).body.articles.map(
        (a: { id: string }) => a.id,
      );
    expect(await byTag('WARRANTY')).toEqual([tagged.body.article.id]);
    expect(await byTag('returns')).toEqual([tagged.body.article.id]);
    expect(await byTag('refund')).toContain(other.id);
    expect(await byTag('refund')).not.toContain(tagged.body.article.id);

    const retagged = await writer.patch(`/api/knowledge/articles/${tagged.body.article.id}`, { tags: ['Exchange'] });
    expect(retagged.status, retagged.text).toBe(200);
    expect(retagged.body.article.tags).toEqual(['exchange']);
    expect(await byTag('warranty')).toEqual([]);
  });

  it('when input is bad, then 400 names the field and nothing is stored', async () => {
    const before = await db.sql`select count(*)::int as n from kb_articles`;
    const res = await writer.post('/api/knowledge/articles', {
      categoryId: null,
      variants: [
        { locale: 'en', title: 'A', body: '' },
        { locale: 'en', title: 'B', body: '' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('variants');
    expect(await db.sql`select count(*)::int as n from kb_articles`).toEqual(before);
  });
});

describe('states, visibility and search', () => {
  let internalId: string;
  let publishedId: string;
  let draftId: string;
  let scheduledId: string;

  beforeAll(async () => {
    internalId = (
      await anArticle(writer, [{ locale: 'en', title: 'Refund limits for agents', body: 'Up to 100 EUR.' }])
    ).id;
    publishedId = (
      await anArticle(writer, [
        { locale: 'en', title: 'How to request a refund', body: 'Open **Orders** and choose refund.' },
        { locale: 'zh-CN', title: '如何申请退款', body: '打开我的订单，点击申请退款。' },
      ])
    ).id;
    draftId = (await anArticle(writer, [{ locale: 'en', title: 'Refund draft', body: 'Not ready.' }])).id;
    scheduledId = (await anArticle(writer, [{ locale: 'zh-CN', title: '发货时间', body: '当天发货。' }])).id;
    await setState(internalId, 'internal');
    await setState(publishedId, 'published');
    await setState(scheduledId, 'published', new Date(Date.now() + 3_600_000).toISOString());
  });

  it('when an agent searches, then internal and published articles are found, drafts and scheduled ones are not', async () => {
    const res = await agent.get('/api/knowledge/search?q=refunds');
    expect(res.status, res.text).toBe(200);
    const ids = res.body.hits.map((h: { articleId: string }) => h.articleId);
    expect(ids).toEqual(expect.arrayContaining([internalId, publishedId]));
    expect(ids).not.toContain(draftId);
    expect((await agent.get(`/api/knowledge/articles/${draftId}`)).status).toBe(404);
    expect((await agent.get('/api/knowledge/search?q=发货')).body.hits).toEqual([]);
  });

  it('when Chinese or English is searched, then 退款 and refund find the article with the title above the body and marked snippets', async () => {
    const zh = (await agent.get(`/api/knowledge/search?q=${encodeURIComponent('退款')}`)).body.hits;
    expect(zh[0]).toMatchObject({ articleId: publishedId, locale: 'zh-CN', title: '如何申请退款' });
    expect(zh[0].snippetHtml).toContain('<mark>退款</mark>');
    const en = (await agent.get('/api/knowledge/search?q=refund&locale=en')).body.hits;
    // "refund" in the title ranks above an article with it only in the body.
    expect(en.map((h: { title: string }) => h.title).slice(0, 2)).toEqual(
      expect.arrayContaining(['How to request a refund', 'Refund limits for agents']),
    );
    const typo = (await agent.get('/api/knowledge/search?q=reqest%20refnd')).body;
    expect(typo.fuzzy).toBe(true);
    expect(typo.hits.map((h: { articleId: string }) => h.articleId)).toContain(publishedId);
  });

  it('when the scheduled time has passed, then the article is live without anything run', async () => {
    expect((await page(`/help/zh-CN/articles/${scheduledId}`)).status).toBe(404);
    await db.sql`update kb_articles set publish_at = now() - interval '1 second' where id = ${scheduledId}`;
    expect((await page(`/help/zh-CN/articles/${scheduledId}`)).status).toBe(200);
  });

  it('when the public asks for internal, draft or archived articles, then 404', async () => {
    for (const id of [internalId, draftId]) expect((await page(`/help/en/articles/${id}`)).status).toBe(404);
    const archived = (await anArticle(writer, [{ locale: 'en', title: 'Old', body: 'Old.' }])).id;
    await setState(archived, 'published');
    expect((await page(`/help/en/articles/${archived}`)).status).toBe(200);
    await setState(archived, 'archived');
    expect((await page(`/help/en/articles/${archived}`)).status).toBe(404);
    const search = await page('/help/en/search?q=limits');
    expect(search.html).not.toContain('Refund limits for agents');
  });
});

describe('suggestions for a ticket', () => {
  it('when a customer writes about 退款, then the ticket suggests the refund article; inserting and sending it is logged in the stats', async () => {
    const article = await anArticle(writer, [
      { locale: 'zh-CN', title: '退货退款流程', body: '请在订单页面申请退货退款。' },
    ]);
    await setState(article.id, 'published');
    const skill = await aSkill(db.sql);
    const queueId = await aQueue(db.sql, { skills: [skill] });
    const phone = aPhone();
    const { ticketId } = await intakeContact(
      server.ctx,
      anSms(phone, '你好，我想申请退款', { queueId, from: { kind: 'phone', value: phone, name: undefined } }),
    );
    const suggestions = await admin.get(`/api/tickets/${ticketId}/article-suggestions`);
    expect(suggestions.status, suggestions.text).toBe(200);
    expect(suggestions.body.queryWords).toEqual(expect.arrayContaining(['申请', '退款']));
    expect(suggestions.body.suggestions.map((s: { articleId: string }) => s.articleId)).toContain(article.id);
    expect((await agent.get(`/api/tickets/${ticketId}/article-suggestions`)).status).toBe(404);

    const inserted = await admin.post(`/api/knowledge/articles/${article.id}/insertions`, { ticketId, kind: 'link' });
    expect(inserted.status, inserted.text).toBe(200);
    expect(inserted.body.text).toMatch(new RegExp(`/help/zh-CN/articles/${article.id}$`));
    const reply = await admin.post(`/api/tickets/${ticketId}/replies`, {
      text: inserted.body.text,
      knowledgeArticleIds: [article.id],
    });
    expect(reply.status, reply.text).toBe(201);
    // Counted sent once the reply is sent, not when it is queued (knowledgeReplySent.test.ts).
    await waitFor(
      async () => (await db.sql`select status from messages where id = ${reply.body.message.id}`)[0].status as string,
      (status) => status === 'sent',
    );
    await db.sql`update tickets set status = 'resolved', resolved_at = now() where id = ${ticketId}`;
    const stats = (await admin.get('/api/knowledge/stats')).body;
    expect(stats.totals).toMatchObject({ suggestionsInserted: 1, suggestionsSent: 1, ticketsSolvedWithArticle: 1 });
    expect(stats.totals.suggestionsShown).toBeGreaterThanOrEqual(1);
    expect((await agent.get('/api/knowledge/stats')).status).toBe(403);
    void agentUser;
  });
});

describe('the public help center', () => {
  let id: string;
  // Articles in the same category about the same thing, that the public must never see: ids and titles.
  const hidden: { id: string; titles: string[] }[] = [];
  beforeAll(async () => {
    const article = await anArticle(writer, [
      { locale: 'en', title: 'Shipping <fast> & free', body: 'We ship **today**.\n\n<script>alert(1)</script>' },
      { locale: 'zh-CN', title: '免费快速发货', body: '今天发货。' },
    ]);
    id = article.id;
    await setState(id, 'published');
    for (const [state, publishAt] of [
      ['draft'],
      ['internal'],
      ['archived'],
      ['published', new Date(Date.now() + 3_600_000).toISOString()],
    ] as const) {
      const variants = [
        { locale: 'en', title: `Hidden ${state} shipping note`, body: 'We ship by courier today.' },
        { locale: 'zh-CN', title: `隐藏的${state}发货说明`, body: '今天用快递发货。' },
      ];
      const hiddenArticle = await anArticle(writer, variants);
      if (state !== 'draft') expect((await setState(hiddenArticle.id, state, publishAt)).status).toBe(200);
      hidden.push({ id: hiddenArticle.id, titles: variants.map((v) => v.title) });
    }
  });
  const expectNothingHidden = (html: string) => {
    for (const h of hidden) {
      expect(html).not.toContain(h.id);
      for (const title of h.titles) expect(html).not.toContain(title);
    }
  };

  it('when /help is opened, then it redirects by the browser’s language', async () => {
    expect((await page('/help', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' })).location).toBe('/help/zh-CN');
    expect((await page('/help', { 'accept-language': 'de-DE,en;q=0.5' })).location).toBe('/help/en');
    expect((await page('/help/fr')).status).toBe(404);
  });

  it('when an article page is read, then it is escaped, has canonical, hreflang and a description, and counts a view', async () => {
    const res = await page(`/help/en/articles/${id}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain('<h1>Shipping &lt;fast&gt; &amp; free</h1>');
    expect(res.html).not.toContain('<script>');
    expect(attr(res.html, /<link rel="canonical" href="([^"]+)">/)).toMatch(
      new RegExp(`/help/en/articles/${id}-shipping-fast-free$`),
    );
    expect(attr(res.html, /<link rel="alternate" hreflang="zh-CN" href="([^"]+)">/)).toMatch(
      new RegExp(`/help/zh-CN/articles/${id}$`),
    );
    expect(attr(res.html, /<meta name="description" content="([^"]*)">/)).toContain('We ship today.');
    expect(attr(res.html, /<html lang="([^"]+)">/)).toBe('en');
    const [{ n }] = await db.sql`select count(*)::int as n from kb_article_views where article_id = ${id}`;
    expect(n).toBe(1);
  });

  it('when a reader votes with the form, then it is recorded and they are sent back with thanks; a cross-site post is refused', async () => {
    const res = await fetch(`${server.url}/help/en/articles/${id}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'helpful=yes',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const back = await page(res.headers.get('location')!);
    expect(back.html).toContain('Thank you for your feedback.');
    const crossSite = await fetch(`${server.url}/help/en/articles/${id}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'helpful=no',
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
    const votes = await db.sql`select helpful from kb_votes where article_id = ${id}`;
    expect(votes).toEqual([{ helpful: true }]);
    const unhelpful = await fetch(`${server.url}/help/zh-CN/articles/${id}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'helpful=no',
      redirect: 'manual',
    });
    expect(unhelpful.status).toBe(303);
    const stats = (await admin.get('/api/knowledge/stats')).body;
    expect(stats.articles.find((a: { articleId: string }) => a.articleId === id)).toMatchObject({
      views: 1,
      helpful: 1,
      unhelpful: 1,
    });
    expect(stats.totals.helpful).toBeGreaterThanOrEqual(1);
    expect(stats.totals.unhelpful).toBe(1);
  });

  it('when the help center is searched, then results are marked, and a search without result is counted for the stats', async () => {
    const hit = await page(`/help/zh-CN/search?q=${encodeURIComponent('发货')}`);
    expect(hit.html).toContain('<mark>发货</mark>');
    const miss = await page('/help/en/search?q=teleportation');
    expect(miss.html).toContain('Nothing found');
    const stats = (await admin.get('/api/knowledge/stats')).body;
    expect(stats.searchesWithoutResult).toContainEqual(expect.objectContaining({ query: 'teleportation', count: 1 }));
  });

  it('when the category page, home and sitemap are read, then they list the live article in that locale', async () => {
    const home = await page('/help/zh-CN');
    expect(home.html).toContain('账单');
    expect(home.html).toContain('免费快速发货');
    const category = await page('/help/en/categories/billing');
    expect(category.html).toContain('Shipping &lt;fast&gt; &amp; free');
    const origin = server.ctx.config.PUBLIC_URL.replace(/\/$/, '');
    const sitemap = await page('/help/en/sitemap.xml');
    expect(sitemap.html).toContain(`<loc>${origin}/help/en/articles/${id}-shipping-fast-free</loc>`);
    expect(sitemap.html).toContain(`hreflang="zh-CN" href="${origin}/help/zh-CN/articles/${id}"`);
    const zhSitemap = await page('/help/zh-CN/sitemap.xml');
    expect(zhSitemap.html).toContain(`<loc>${origin}/help/zh-CN/articles/${id}</loc>`);
    expect(zhSitemap.html).not.toContain(`<loc>${origin}/help/en/articles/${id}`);
    expect((await page('/help/en/nothing/here')).html).toContain('Page not found');
    void anonymous;
  });

  it('when draft, internal, archived or scheduled articles share the category and the words, then no help center page shows them', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const pages = [
        `/help/${locale}`,
        `/help/${locale}/categories/billing`,
        `/help/${locale}/sitemap.xml`,
        `/help/${locale}/search?q=${encodeURIComponent(locale === 'en' ? 'shipping' : '发货')}`,
      ];
      for (const path of pages) {
        const res = await page(path);
        expect(res.status, path).toBe(200);
        // The live article about the same thing is there: the page lists what it may.
        expect(res.html, path).toContain(id);
        expectNothingHidden(res.html);
      }
      for (const h of hidden) expect((await page(`/help/${locale}/articles/${h.id}`)).status).toBe(404);
    }
    // The category counts only what the public may read.
    const home = await page('/help/en');
    const [{ live }] = await db.sql<{ live: number }[]>`
      select count(*)::int as live from kb_articles a join kb_categories c on c.id = a.category_id
      where c.slug = 'billing' and a.state = 'published' and (a.publish_at is null or a.publish_at <= now())
        and exists (select 1 from kb_article_variants v where v.article_id = a.id and v.locale = 'en')`;
    expect(home.html).toContain(`href="/help/en/categories/billing">Billing</a> (${live})`);
  });
});
