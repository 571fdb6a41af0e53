import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../server/http/apiTypes';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// The screen pop carries the knowledge base's best articles for the contact, so the agent sees them the moment it is
// offered, and the suggestions it showed are logged for the stats once it is on its way.

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let socket: Socket | undefined;
const ids: Record<'published' | 'internal' | 'draft' | 'unrelated', string> = {
  published: '',
  internal: '',
  draft: '',
  unrelated: '',
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '60' }));
  await aQueue(db.sql, { entryForChannels: ['sms'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const articles = {
    published: { state: 'published', title: '如何申请退款', body: '在订单页面点击申请退款。' },
    internal: { state: 'internal', title: '退款审批权限', body: '客服可批准 100 元以内的退款。' },
    draft: { state: 'draft', title: '退款草稿', body: '还没写完的退款说明。' },
    unrelated: { state: 'published', title: '如何重置密码', body: '点击忘记密码。' },
  } as const;
  for (const [key, article] of Object.entries(articles) as [keyof typeof ids, (typeof articles)[keyof typeof ids]][]) {
    const created = await admin.post('/api/knowledge/articles', {
      categoryId: null,
      variants: [{ locale: 'zh-CN', title: article.title, body: article.body }],
    });
    expect(created.status, created.text).toBe(201);
    ids[key] = created.body.article.id;
    if (article.state !== 'draft')
      expect((await admin.post(`/api/knowledge/articles/${ids[key]}/state`, { state: article.state })).status).toBe(
        200,
      );
  }
});
afterAll(async () => {
  socket?.close();
  await server?.stop();
  await db?.drop();
});

describe('suggested articles in the screen pop', () => {
  it('when a customer texts about 退款, then the pop offers the agent the live and internal refund articles, marked, not the draft or unrelated ones, and logs them shown once', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    socket = await connectSocket(server.url, client.cookie);
    await client.put('/api/me/presence', { presence: 'available' });

    const popped = nextEvent<ScreenPop>(socket, 'offer.created');
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), '你好，我想申请退款，怎么办？'));
    const pop = await popped;
    expect(pop.ticket.id).toBe(ticketId);

    const suggested = pop.articleSuggestions ?? [];
    expect(suggested.map((s) => s.articleId).sort()).toEqual([ids.published, ids.internal].sort());
    expect(suggested.find((s) => s.articleId === ids.published)).toMatchObject({
      title: '如何申请退款',
      locale: 'zh-CN',
      state: 'published',
      isPublic: true,
    });
    expect(suggested.find((s) => s.articleId === ids.internal)).toMatchObject({ state: 'internal', isPublic: false });
    for (const s of suggested) expect(s.snippetHtml).toContain('<mark>退款</mark>');

    const shown = () => db.sql<{ articleId: string; userId: string }[]>`
      select article_id, user_id from kb_suggestion_events where ticket_id = ${ticketId} and kind = 'shown'`;
    await waitFor(shown, (rows) => rows.length === 2);
    expect((await shown()).every((row) => row.userId === agent.id)).toBe(true);

    // The ticket page asks again (HTTP): the same articles, not logged a second time for the same agent.
    const again = await client.get(`/api/tickets/${ticketId}/article-suggestions`);
    expect(again.status, again.text).toBe(200);
    expect(again.body.suggestions.map((s: { articleId: string }) => s.articleId)).toEqual(
      expect.arrayContaining([ids.published, ids.internal]),
    );
    expect(await shown()).toHaveLength(2);
  });
});
