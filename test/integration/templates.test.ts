import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const suffix = () => randomBytes(4).toString('hex');
const signIn = async (user: { email: string; password: string }) =>
  new TestClient(server.url).signIn(user.email, user.password);

/** An agent (in `teamId` if given) with an SMS ticket from a named customer in a queue of their skill. */
async function anAgentWithTicket(options: { teamId?: string; text?: string; customerName?: string | null } = {}) {
  const skill = await aSkill(db.sql);
  const queueId = await aQueue(db.sql, { skills: [skill] });
  const user = await aUser(db.sql, 'agent', {
    skills: [skill],
    teamIds: options.teamId ? [options.teamId] : [],
    name: `Sam ${suffix()}`,
  });
  const phone = aPhone();
  const { ticketId, customerId } = await intakeContact(
    server.ctx,
    anSms(phone, options.text ?? 'Hello', { queueId, from: { kind: 'phone', value: phone, name: undefined } }),
  );
  if (options.customerName !== undefined)
    await db.sql`update customers set name = ${options.customerName} where id = ${customerId}`;
  const [{ number }] = await db.sql`select number from tickets where id = ${ticketId}`;
  return { user, client: await signIn(user), ticketId, number: Number(number), phone };
}

const template = (overrides: Record<string, unknown> = {}) => ({
  name: `Refund ${suffix()}`,
  scope: 'personal',
  variants: [{ locale: 'en', body: 'Hi {{customer.name|there}}, your refund for #{{ticket.number}} is on its way.' }],
  ...overrides,
});

async function create(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/templates', body);
  expect(res.status, res.text).toBe(201);
  return res.body.template as { id: string; usageCount: number; canEdit: boolean; shortcut: string | null };
}

describe('who keeps and who uses reply templates', () => {
  it('when an agent makes a personal template, then only they see and keep it; others get 404 as if it did not exist', async () => {
    const { client } = await anAgentWithTicket();
    const { client: colleague } = await anAgentWithTicket();
    const mine = await create(client, template());
    expect(mine).toMatchObject({ scope: 'personal', canEdit: true, usageCount: 0 });
    for (const res of [
      await colleague.get(`/api/templates/${mine.id}`),
      await colleague.patch(`/api/templates/${mine.id}`, { name: 'Taken over' }),
      await colleague.request('DELETE', `/api/templates/${mine.id}`),
      await admin.patch(`/api/templates/${mine.id}`, { name: 'Taken over' }),
    ])
      expect(res.status).toBe(404);
    expect((await colleague.get('/api/templates')).body.templates.map((t: { id: string }) => t.id)).not.toContain(
      mine.id,
    );
    expect((await client.patch(`/api/templates/${mine.id}`, { name: 'Refund, kindly' })).body.template.name).toBe(
      'Refund, kindly',
    );
    expect((await client.request('DELETE', `/api/templates/${mine.id}`)).status).toBe(204);
    expect(await db.sql`select 1 from reply_templates where id = ${mine.id}`).toEqual([]);
  });

  it('when a team template is made, then its supervisor keeps it and its members use it; others may not make or change it', async () => {
    const team = await aTeam(db.sql);
    const supervisor = await signIn(await aUser(db.sql, 'supervisor', { teamIds: [team] }));
    const outsider = await signIn(await aUser(db.sql, 'supervisor'));
    const { client: member } = await anAgentWithTicket({ teamId: team });
    const { client: stranger } = await anAgentWithTicket();
    expect((await member.post('/api/templates', template({ scope: 'team', teamId: team }))).status).toBe(403);
    expect((await outsider.post('/api/templates', template({ scope: 'team', teamId: team }))).status).toBe(403);
    const teams = await create(supervisor, template({ scope: 'team', teamId: team }));
    expect((await member.get(`/api/templates/${teams.id}`)).body.template).toMatchObject({
      teamId: team,
      canEdit: false,
    });
    expect((await member.patch(`/api/templates/${teams.id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await stranger.get(`/api/templates/${teams.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/templates/${teams.id}`, { keywords: ['refund'] })).status).toBe(200);
    expect((await supervisor.request('DELETE', `/api/templates/${teams.id}`)).status).toBe(204);
  });

  it('when a global template is made, then only admins make and keep it, and every agent uses it', async () => {
    const { client } = await anAgentWithTicket();
    expect((await client.post('/api/templates', template({ scope: 'global' }))).status).toBe(403);
    const global = await create(admin, template({ scope: 'global' }));
    expect((await client.get(`/api/templates/${global.id}`)).body.template.canEdit).toBe(false);
    expect((await client.patch(`/api/templates/${global.id}`, { name: 'x' })).status).toBe(403);
    const audit =
      await db.sql`select action from audit_log where entity_type = 'reply_template' and entity_id = ${global.id}`;
    expect(audit.map((a) => a.action)).toEqual(['template.created']);
  });

  it('when a template is invalid, then 400 names the field and nothing is stored', async () => {
    const before = await db.sql`select count(*)::int as n from reply_templates`;
    const cases: [Record<string, unknown>, string][] = [
      [template({ variants: [{ locale: 'en', body: 'Hi {{customer.nickname}}' }] }), 'variants.0.body'],
      [template({ variants: [{ locale: 'fr', body: 'Bonjour' }] }), 'variants.0.locale'],
      [template({ variants: [] }), 'variants'],
      [
        template({
          variants: [
            { locale: 'en', body: 'a' },
            { locale: 'en', body: 'b' },
          ],
        }),
        'variants',
      ],
      [template({ scope: 'team' }), 'teamId'],
      [template({ shortcut: 'two words' }), 'shortcut'],
      [template({ name: ' ' }), 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/templates', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
    expect(await db.sql`select count(*)::int as n from reply_templates`).toEqual(before);
    const shortcut = `s${suffix()}`;
    await create(admin, template({ scope: 'global', shortcut }));
    const taken = await admin.post('/api/templates', template({ scope: 'global', shortcut }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'shortcut', message: 'is taken' }]);
  });
});

describe('finding and rendering templates', () => {
  it('when searched by /shortcut or part of a name, then the exact shortcut comes first, then the agent’s own', async () => {
    const { client } = await anAgentWithTicket();
    const key = `r${suffix()}`;
    const global = await create(admin, template({ scope: 'global', shortcut: key, name: 'Global refund' }));
    const own = await create(client, template({ shortcut: `${key}-long`, name: `Own ${key}` }));
    const other = await create(client, template({ name: `Shipping ${suffix()}` }));
    const ids = async (q: string) =>
      (await client.get(`/api/templates?q=${encodeURIComponent(q)}`)).body.templates.map((t: { id: string }) => t.id);
    expect(await ids(`/${key}`)).toEqual([global.id, own.id]);
    expect(await ids(key.toUpperCase())).toEqual([global.id, own.id]);
    expect(await ids(`own ${key}`)).toEqual([own.id]);
    expect(await ids('')).toEqual(expect.arrayContaining([global.id, own.id, other.id]));
  });

  it('when rendered for a ticket, then variables are filled (fallbacks where empty) and the placeholders listed', async () => {
    const { user, client, ticketId, number } = await anAgentWithTicket({ customerName: null });
    const t = await create(
      client,
      template({
        variants: [
          {
            locale: 'en',
            body: 'Hi {{customer.name|there}}, ticket #{{ticket.number}}: order [[order number]]. {{agent.name}}',
          },
          { locale: 'zh-CN', body: '{{customer.name|您}}好，工单 #{{ticket.number}}，订单 [[订单号]]。{{agent.name}}' },
        ],
      }),
    );
    const en = await client.post(`/api/templates/${t.id}/render`, { ticketId });
    expect(en.status).toBe(200);
    const [{ name }] = await db.sql`select name from users where id = ${user.id}`;
    expect(en.body).toEqual({
      text: `Hi there, ticket #${number}: order [[order number]]. ${name}`,
      locale: 'en',
      placeholders: ['order number'],
      emptyVariables: [],
    });
    const zh = await client.post(`/api/templates/${t.id}/render`, { ticketId, locale: 'zh-CN' });
    expect(zh.body).toMatchObject({
      text: `您好，工单 #${number}，订单 [[订单号]]。${name}`,
      locale: 'zh-CN',
      placeholders: ['订单号'],
    });
    // Without a locale asked for: the agent's language.
    await client.put('/api/me/locale', { locale: 'zh-CN' });
    expect((await client.post(`/api/templates/${t.id}/render`, { ticketId })).body.locale).toBe('zh-CN');
  });

  it('when the template or the ticket is not the agent’s to use, then render answers 404', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const { client: other, ticketId: othersTicket } = await anAgentWithTicket();
    const t = await create(client, template());
    expect((await client.post(`/api/templates/${t.id}/render`, { ticketId: othersTicket })).status).toBe(404);
    expect((await other.post(`/api/templates/${t.id}/render`, { ticketId })).status).toBe(404);
    const bad = await client.post(`/api/templates/${t.id}/render`, { ticketId, locale: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['locale']);
  });
});

describe('replying from a template', () => {
  it('when a reply still holds a placeholder, then it is refused naming the text, and nothing is stored', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'Your order [[order number]] ships today.',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid body: text: still holds placeholders to fill: \[\[order number\]\]/,
    );
    expect(res.body.error.fields).toEqual([
      { path: 'text', message: 'still holds placeholders to fill: [[order number]]' },
    ]);
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toEqual([]);
  });

  it('when a reply is sent from a template, then the template’s use is counted; one the agent may not use is refused', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const { client: other } = await anAgentWithTicket();
    const t = await create(client, template());
    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'Your refund is on its way.',
      templateId: t.id,
    });
    expect(res.status, res.text).toBe(201);
    const [used] = await db.sql`select usage_count, last_used_at from reply_templates where id = ${t.id}`;
    expect(used.usageCount).toBe(1);
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    expect((await db.sql`select template_id from messages where id = ${res.body.message.id}`)[0].templateId).toBe(t.id);
    expect((await client.get(`/api/templates/${t.id}`)).body.template.usageCount).toBe(1);

    const others = await create(other, template());
    const refused = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Hi', templateId: others.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: 'templateId', message: 'no such template' }]);
    expect(
      await db.sql`select count(*)::int as n from messages where ticket_id = ${ticketId} and direction = 'outbound'`,
    ).toEqual([{ n: 1 }]);
    expect((await db.sql`select usage_count from reply_templates where id = ${others.id}`)[0].usageCount).toBe(0);
  });
});

describe('template suggestions', () => {
  it('when the customer writes in Chinese, then the template whose keywords their words match comes first', async () => {
    const { client, ticketId } = await anAgentWithTicket({ text: '你好，我想申请退款，订单还没收到' });
    const refund = await create(
      client,
      template({
        name: '退款流程',
        keywords: ['退款', 'refund'],
        variants: [{ locale: 'zh-CN', body: '您好，退款将在三个工作日内退回。' }],
      }),
    );
    const shipping = await create(
      client,
      template({
        name: '物流查询',
        keywords: ['物流', '发货'],
        variants: [{ locale: 'zh-CN', body: '您的订单已发货。' }],
      }),
    );
    const unrelated = await create(client, template({ name: 'Password reset', keywords: ['password'] }));
    const res = await client.get(`/api/tickets/${ticketId}/template-suggestions`);
    expect(res.status).toBe(200);
    const ids = res.body.suggestions.map((s: { template: { id: string } }) => s.template.id);
    expect(ids[0]).toBe(refund.id);
    expect(ids).toContain(shipping.id);
    expect(ids).not.toContain(unrelated.id);
    expect(res.body.suggestions[0]).toMatchObject({
      score: expect.any(Number),
      matchedWords: expect.arrayContaining(['退款']),
    });
    const [{ id: lastMessage }] =
      await db.sql`select id from messages where ticket_id = ${ticketId} and direction = 'inbound'`;
    expect(res.body.messageId).toBe(lastMessage);
  });

  it('when the customer writes in English, then plurals match keywords, and only templates the agent may use are suggested', async () => {
    const { client, ticketId } = await anAgentWithTicket({ text: 'Hello, I still have not received my refunds.' });
    const { client: other } = await anAgentWithTicket();
    const key = `k${suffix()}`;
    const mine = await create(client, template({ name: `Refunds ${key}`, keywords: ['refund'] }));
    const theirs = await create(other, template({ name: `Refunds too ${key}`, keywords: ['refund'] }));
    const ids = (await client.get(`/api/tickets/${ticketId}/template-suggestions`)).body.suggestions.map(
      (s: { template: { id: string } }) => s.template.id,
    );
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await other.get(`/api/tickets/${ticketId}/template-suggestions`)).status).toBe(404);
  });
});
