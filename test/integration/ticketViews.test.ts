import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { indexUnindexedRows } from '../../server/search/searchIndexer';
import { aPhone, anEmail, anSms } from '../support/contacts';
import { aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

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

const word = () => `zq${randomBytes(4).toString('hex')}`;

interface Listed {
  id: string;
  number: number;
  status: string;
  tags: { name: string }[];
}

async function list(client: TestClient, query: Record<string, string>) {
  const res = await client.get(`/api/tickets?${new URLSearchParams(query)}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { tickets: Listed[]; total: number; nextCursor: string | null };
}
const idsOf = async (client: TestClient, query: Record<string, string>) =>
  (await list(client, { view: 'all', ...query })).tickets.map((t) => t.id);

/** A customer's SMS, stored by intake as the webhook would, waiting in `queueId`. */
async function anSmsTicket(text: string, options: { queueId?: string; phone?: string } = {}) {
  const phone = options.phone ?? aPhone();
  const { ticketId, customerId } = await intakeContact(server.ctx, anSms(phone, text, { queueId: options.queueId }));
  return { ticketId, customerId, phone };
}

/** A signed-in agent with a skill of their own and a queue needing it: what they may open. */
async function anAgentWithQueue() {
  const skill = await aSkill(db.sql);
  const queueId = await aQueue(db.sql, { skills: [skill] });
  const user = await aUser(db.sql, 'agent', { skills: [skill] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  return { user, client, queueId };
}

describe('searching tickets', () => {
  it('when a customer writes 如何申请退款, then searching 退款 finds the ticket, and a word it does not hold does not', async () => {
    const { ticketId } = await anSmsTicket('您好，如何申请退款？');
    expect(await idsOf(admin, { q: '退款' })).toContain(ticketId);
    expect(await idsOf(admin, { q: '申请退款' })).toContain(ticketId);
    expect(await idsOf(admin, { q: '退' })).toContain(ticketId);
    expect(await idsOf(admin, { q: '发货' })).not.toContain(ticketId);
  });

  it('when an email’s subject or body holds an English word, then searching the word (or its start) finds it', async () => {
    const w = word();
    const { ticketId } = await intakeContact(
      server.ctx,
      anEmail(`buyer-${w}@customer.example`, `Blender ${w} broken`, 'The motor stopped; I would like refunds.'),
    );
    expect(await idsOf(admin, { q: w })).toEqual([ticketId]);
    expect(await idsOf(admin, { q: `MOTOR ${w}` })).toEqual([ticketId]);
    expect(await idsOf(admin, { q: `refund ${w}` })).toEqual([ticketId]);
    expect(await idsOf(admin, { q: `${w} dishwasher` })).toEqual([]);
  });

  it('when searched by ticket number, with or without #, then that ticket is found', async () => {
    const { ticketId } = await anSmsTicket('Where is my parcel?');
    const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
    expect(await idsOf(admin, { q: `#${number}` })).toContain(ticketId);
    expect(await idsOf(admin, { q: String(number) })).toContain(ticketId);
    const [found] = (await list(admin, { view: 'all', q: `#${number}` })).tickets.filter((t) => t.id === ticketId);
    expect(found.number).toBe(Number(number));
  });

  it('when searched by the customer’s phone (as people type it), name or email, then their tickets are found', async () => {
    const { ticketId, customerId, phone } = await anSmsTicket('Hello');
    const w = word();
    await db.sql`update customers set name = ${`Mei ${w} Chen`} where id = ${customerId}`;
    await db.sql`insert into customer_identities (customer_id, kind, value) values (${customerId}, 'email', ${`${w}@example.org`})`;
    const typed = `${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`;
    expect(await idsOf(admin, { q: typed })).toContain(ticketId);
    expect(await idsOf(admin, { q: phone })).toContain(ticketId);
    expect(await idsOf(admin, { q: `mei ${w}` })).toEqual([ticketId]);
    expect(await idsOf(admin, { q: `${w}@example.org` })).toEqual([ticketId]);
  });

  it('when an agent adds a note, replies or changes the subject, then the new words are found at once', async () => {
    const { ticketId } = await anSmsTicket('Hi');
    const [note, reply, subject] = [word(), word(), word()];
    expect((await admin.post(`/api/tickets/${ticketId}/notes`, { text: `Checked ${note}` })).status).toBe(201);
    expect((await admin.post(`/api/tickets/${ticketId}/replies`, { text: `Sent ${reply}` })).status).toBe(201);
    expect((await admin.patch(`/api/tickets/${ticketId}`, { subject: `Order ${subject} late` })).status).toBe(200);
    for (const w of [note, reply, subject]) expect(await idsOf(admin, { q: w })).toEqual([ticketId]);
  });

  it('when rows were written before search existed, then the indexer at start-up makes them searchable', async () => {
    const { ticketId } = await anSmsTicket('Hi');
    const [old, later] = [word(), `${word()} 发票`];
    // As an older version left them: no vectors.
    await db.sql`update tickets set subject = ${`Old ${old}`}, search_vector = null where id = ${ticketId}`;
    await db.sql`insert into messages (ticket_id, channel, direction, body_text) values (${ticketId}, 'sms', 'inbound', ${later})`;
    expect(await idsOf(admin, { q: old })).toEqual([]);
    // Another process starting (a worker): its indexer's first pass.
    const worker = await startTestServer(testEnv(db.url, { SERVICES: 'worker' }));
    try {
      await waitFor(
        () => idsOf(admin, { q: old }),
        (ids) => ids.includes(ticketId),
      );
      expect(await idsOf(admin, { q: later })).toEqual([ticketId]);
    } finally {
      await worker.stop();
    }
  });

  it('when a message’s text is changed by a statement that does not index it, then its old words stop matching and the indexer adds the new ones', async () => {
    const before = word();
    const after = word();
    const { ticketId } = await intakeContact(
      server.ctx,
      anEmail(`${word()}@customer.example`, 'Voicemail', `Recording ${before}`),
    );
    await db.sql`update messages set body_text = ${`Transcribed ${after}`} where ticket_id = ${ticketId}`;
    expect(await idsOf(admin, { q: before })).toEqual([]);
    await indexUnindexedRows(db.sql);
    expect(await idsOf(admin, { q: after })).toEqual([ticketId]);
  });
});

describe('ticket views', () => {
  it('when an agent looks at mine, unassigned and all, then each holds what it says, and nothing they may not open', async () => {
    const { user, client, queueId } = await anAgentWithQueue();
    const other = await anAgentWithQueue();
    const w = word();
    const mine = await anSmsTicket(`${w} mine`, { queueId });
    const waiting = await anSmsTicket(`${w} waiting`, { queueId });
    const resolved = await anSmsTicket(`${w} resolved`, { queueId });
    const hidden = await anSmsTicket(`${w} 退款 hidden`, { queueId: other.queueId });
    await db.sql`update tickets set assignee_id = ${user.id}, status = 'open' where id in ${db.sql([mine.ticketId, resolved.ticketId])}`;
    await db.sql`update tickets set status = 'resolved', resolved_at = now() where id = ${resolved.ticketId}`;

    const view = async (name: string, extra: Record<string, string> = {}) =>
      (await list(client, { view: name, q: w, ...extra })).tickets.map((t) => t.id).sort();
    expect(await view('mine')).toEqual([mine.ticketId]);
    expect(await view('unassigned', { queueId })).toEqual([waiting.ticketId]);
    expect(await view('resolved')).toEqual([resolved.ticketId]);
    expect(await view('all')).toEqual([mine.ticketId, waiting.ticketId, resolved.ticketId].sort());
    // The other agent's queue: in no view and no search of this agent, by words, number or phone.
    const [{ number }] = await db.sql`select number from tickets where id = ${hidden.ticketId}`;
    for (const name of ['mine', 'unassigned', 'all', 'resolved'])
      for (const q of [w, '退款', `#${number}`, hidden.phone]) {
        const res = await list(client, { view: name, q, status: 'new,open,pending,resolved,closed' });
        expect(res.tickets.map((t) => t.id)).not.toContain(hidden.ticketId);
      }
    expect(await idsOf(other.client, { q: w })).toEqual([hidden.ticketId]);
    expect((await client.get('/api/tickets?view=team')).status).toBe(403);
  });

  it('when a supervisor looks at team, then it holds their teams’ queues and members’ tickets, not another team’s', async () => {
    const team = await aTeam(db.sql);
    const otherTeam = await aTeam(db.sql);
    const queueId = await aQueue(db.sql, { teamId: team });
    const otherQueue = await aQueue(db.sql, { teamId: otherTeam });
    const sup = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const member = await aUser(db.sql, 'agent', { teamIds: [team] });
    const client = await new TestClient(server.url).signIn(sup.email, sup.password);
    const w = word();
    const inQueue = await anSmsTicket(w, { queueId });
    const heldByMember = await anSmsTicket(w, { queueId: otherQueue });
    const elsewhere = await anSmsTicket(w, { queueId: otherQueue });
    await db.sql`update tickets set assignee_id = ${member.id} where id = ${heldByMember.ticketId}`;
    const ids = (await list(client, { view: 'team', q: w })).tickets.map((t) => t.id).sort();
    expect(ids).toEqual([inQueue.ticketId, heldByMember.ticketId].sort());
    expect(ids).not.toContain(elsewhere.ticketId);
    expect(await idsOf(admin, { q: w })).toHaveLength(3);
  });

  it('when filters are given, then status, channel, priority, queue, assignee, tag and creation days all narrow the view', async () => {
    const { user, queueId } = await anAgentWithQueue();
    const w = word();
    const sms = await anSmsTicket(w, { queueId });
    const { ticketId: email } = await intakeContact(
      server.ctx,
      anEmail(`${w}@customer.example`, `About ${w}`, 'Hello', { queueId }),
    );
    await db.sql`update tickets set priority = 'urgent', status = 'pending', assignee_id = ${user.id} where id = ${email}`;
    await db.sql`update tickets set created_at = '2025-03-10T12:00:00Z' where id = ${sms.ticketId}`;
    const tag = (await admin.post('/api/tags', { name: `vip-${w}` })).body.tag;
    await admin.put(`/api/tickets/${email}/tags/${tag.id}`);

    const ids = (q: Record<string, string>) => idsOf(admin, { q: w, ...q });
    expect(await ids({ status: 'pending' })).toEqual([email]);
    expect(await ids({ status: 'new,open' })).toEqual([sms.ticketId]);
    expect(await ids({ channel: 'sms' })).toEqual([sms.ticketId]);
    expect(await ids({ priority: 'urgent,high' })).toEqual([email]);
    expect((await ids({ queueId })).sort()).toEqual([sms.ticketId, email].sort());
    expect(await ids({ assigneeId: user.id })).toEqual([email]);
    expect(await ids({ tag: tag.id })).toEqual([email]);
    expect(await ids({ tag: `VIP-${w}` })).toEqual([email]);
    expect(await ids({ createdFrom: '2025-03-10', createdTo: '2025-03-10' })).toEqual([sms.ticketId]);
    expect(await ids({ createdFrom: '2025-03-11' })).toEqual([email]);
    const [listed] = (await list(admin, { view: 'all', q: w, tag: tag.id })).tickets;
    expect(listed.tags.map((t) => t.name)).toEqual([`vip-${w}`]);
  });

  it('when a view has more tickets than a page, then pages come newest activity first, each ticket once, with the total', async () => {
    const w = word();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await anSmsTicket(`${w} ${i}`)).ticketId);
    // Activity moves a ticket to the top.
    await admin.post(`/api/tickets/${created[2]}/notes`, { text: 'Looked at it' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(admin, { view: 'all', q: w, limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(7);
      seen.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([created[2], ...created.filter((id) => id !== created[2]).reverse()]);
  });

  it('when a parameter is wrong, then the answer is 400 naming it', async () => {
    const cases: [string, string][] = [
      ['view=everything', 'view'],
      ['status=open,lost', 'status'],
      ['channel=fax', 'channel'],
      ['priority=critical', 'priority'],
      ['queueId=7', 'queueId'],
      ['assigneeId=me', 'assigneeId'],
      ['limit=0', 'limit'],
      ['limit=lots', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['createdFrom=2026-13-01', 'createdFrom'],
      ['createdFrom=2026-03-02&createdTo=2026-03-01', 'createdTo'],
      [`tag=${word()}`, 'tag'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await admin.get(`/api/tickets?${query}`);
      expect(res.status, query).toBe(400);
      expect(
        res.body.error.fields.map((f: { path: string }) => f.path),
        query,
      ).toEqual([field]);
    }
  });
});
