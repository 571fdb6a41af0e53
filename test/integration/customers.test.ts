import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, CustomerDetailResponse, CustomerView } from '../../server/http/apiTypes';
import { rooms } from '../../server/realtime/rooms';
import { aQueue, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let agentUser: Awaited<ReturnType<typeof aUser>>;
let agent: TestClient;
const sockets: Socket[] = [];

const unique = () => randomBytes(3).toString('hex');
/** A fresh number per call, so tests sharing the database never collide on an identity. */
const aPhone = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  agentUser = await aUser(db.sql, 'agent', { name: 'Avery Agent' });
  agent = await new TestClient(server.url).signIn(agentUser.email, agentUser.password);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function aProfile(
  p: {
    name?: string | null;
    company?: string | null;
    notes?: string;
    tags?: string[];
    phone?: string;
    email?: string;
  } = {},
) {
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into customers (name, company, notes, tags)
    values (${p.name === undefined ? `Customer ${unique()}` : p.name}, ${p.company ?? null}, ${p.notes ?? ''}, ${p.tags ?? []}::text[])
    returning id`;
  if (p.phone)
    await db.sql`insert into customer_identities (customer_id, kind, value) values (${id}, 'phone', ${p.phone})`;
  if (p.email)
    await db.sql`insert into customer_identities (customer_id, kind, value) values (${id}, 'email', ${p.email})`;
  return id;
}

async function aMessage(ticketId: string, channel: 'voice' | 'sms' | 'email', text: string, at: string) {
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into messages (ticket_id, channel, direction, body_text, created_at) values (${ticketId}, ${channel}, 'inbound', ${text}, ${at}) returning id`;
  return id;
}

async function aCall(customerId: string, ticketId: string | null = null) {
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into calls (call_sid, ticket_id, customer_id, direction, from_number, to_number)
    values (${`CA${randomBytes(16).toString('hex')}`}, ${ticketId}, ${customerId}, 'inbound', ${aPhone()}, '+14155550000') returning id`;
  return id;
}

async function aCallback(customerId: string) {
  const [{ id }] = await db.sql<
    { id: string }[]
  >`insert into callbacks (customer_id, phone_number) values (${customerId}, ${aPhone()}) returning id`;
  return id;
}

const customerRow = async (id: string) =>
  (
    await db.sql<
      { name: string | null; company: string | null; notes: string; tags: string[]; mergedIntoId: string | null }[]
    >`
    select name, company, notes, tags, merged_into_id from customers where id = ${id}`
  )[0];
const auditOf = async (id: string, action: string) =>
  db.sql<{ actorUserId: string; data: Record<string, any> }[]>`
    select actor_user_id, data from audit_log where entity_type = 'customer' and entity_id = ${id} and action = ${action}`;
const ids = (customers: CustomerView[]) => customers.map((c) => c.id);

describe('searching customers', () => {
  it('when part of a name or company is typed in any case, then the matching customers are found and others are not', async () => {
    const tag = unique();
    const byName = await aProfile({ name: `Grace Hopper ${tag}` });
    const byCompany = await aProfile({ name: 'Someone Else', company: `Navy Yard ${tag}` });
    const other = await aProfile({ name: 'Unrelated Person' });

    const res = await agent.get(`/api/customers?q=${encodeURIComponent(`HOPPER ${tag}`)}`);
    expect(res.status).toBe(200);
    expect(ids(res.body.customers)).toEqual([byName]);
    expect(ids((await agent.get(`/api/customers?q=yard%20${tag}`)).body.customers)).toEqual([byCompany]);
    expect(ids((await agent.get(`/api/customers?q=${tag}`)).body.customers)).not.toContain(other);
  });

  it('when a phone is typed as +1 (415) 555-0100, then the customer holding it in E.164 is found, and a partial number finds them too', async () => {
    const phone = '+14155550100';
    const customer = await aProfile({ phone });
    const found = await agent.get(`/api/customers?q=${encodeURIComponent('+1 (415) 555-0100')}`);
    expect(found.status).toBe(200);
    expect(ids(found.body.customers)).toEqual([customer]);
    expect(found.body.customers[0].identities).toEqual([
      { id: expect.any(String), kind: 'phone', value: phone, smsOptedOutAt: null },
    ]);
    expect(ids((await agent.get(`/api/customers?q=${encodeURIComponent('555-0100')}`)).body.customers)).toContain(
      customer,
    );
    // Its digits (4402079460958) are no substring of the stored number: only reading it as a phone finds the customer.
    const london = await aProfile({ phone: '+442079460958' });
    expect(
      ids((await agent.get(`/api/customers?q=${encodeURIComponent('+44 (0)20 7946 0958')}`)).body.customers),
    ).toEqual([london]);
  });

  it('when an email, or part of one, is typed with capitals, then the customer with that email is found', async () => {
    const domain = `${unique()}.example.org`;
    const customer = await aProfile({ name: 'Mail Person', email: `grace@${domain}` });
    const res = await agent.get(`/api/customers?q=${encodeURIComponent(`Grace@${domain.toUpperCase()}`)}`);
    expect(ids(res.body.customers)).toEqual([customer]);
    expect(
      ids((await agent.get(`/api/customers?q=${encodeURIComponent(`@${domain.toUpperCase()}`)}`)).body.customers),
    ).toEqual([customer]);
  });

  it('when a customer was merged away, then search never shows them', async () => {
    const tag = unique();
    const survivor = await aProfile({ name: `Twin ${tag}` });
    const mergedAway = await aProfile({ name: `Twin ${tag}` });
    expect(ids((await agent.get(`/api/customers?q=twin%20${tag}`)).body.customers).sort()).toEqual(
      [survivor, mergedAway].sort(),
    );
    await db.sql`update customers set merged_into_id = ${survivor} where id = ${mergedAway}`;
    expect(ids((await agent.get(`/api/customers?q=twin%20${tag}`)).body.customers)).toEqual([survivor]);
  });

  it('when limit is outside 1–100, then it answers 400 naming limit; within, it caps the results', async () => {
    const tag = unique();
    for (let i = 0; i < 3; i++) await aProfile({ name: `Many ${tag} ${i}` });
    for (const limit of ['0', '101', 'lots']) {
      const res = await agent.get(`/api/customers?q=${tag}&limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(res.body.error.fields[0].path).toBe('limit');
    }
    expect((await agent.get(`/api/customers?q=${tag}&limit=2`)).body.customers).toHaveLength(2);
  });
});

describe('a customer’s detail', () => {
  it('when a customer has tickets on several channels, then the detail shows them all and their interactions, newest first', async () => {
    const customer = await aProfile({ phone: aPhone(), email: `detail.${unique()}@example.com` });
    // The viewing agent's own tickets: the page shows only tickets its viewer may open (customerVisibility.test.ts).
    const mine = { customerId: customer, assigneeId: agentUser.id };
    const voice = await aTicket(db.sql, { ...mine, channel: 'voice' });
    const sms = await aTicket(db.sql, { ...mine, channel: 'sms' });
    const email = await aTicket(db.sql, { ...mine, channel: 'email' });
    await db.sql`update tickets set created_at = case id when ${voice}::uuid then now() - interval '3 days'
                                                     when ${sms}::uuid then now() - interval '2 days' else now() - interval '1 day' end
                 where customer_id = ${customer}`;
    const first = await aMessage(voice, 'voice', 'Called about the bill', '2024-01-01T10:00:00Z');
    const second = await aMessage(sms, 'sms', 'Texted a photo', '2024-01-02T10:00:00Z');
    const third = await aMessage(email, 'email', 'Emailed the receipt', '2024-01-03T10:00:00Z');
    const someoneElse = await aProfile();
    await aTicket(db.sql, { customerId: someoneElse, channel: 'sms' });

    const res = await agent.get(`/api/customers/${customer}`);
    expect(res.status).toBe(200);
    const detail = res.body as CustomerDetailResponse;
    expect(detail.customer.id).toBe(customer);
    expect(detail.customer.identities).toHaveLength(2);
    expect(detail.tickets.map((t) => [t.id, t.channel])).toEqual([
      [email, 'email'],
      [sms, 'sms'],
      [voice, 'voice'],
    ]);
    expect(detail.tickets[0]).toMatchObject({ number: expect.any(Number), status: 'open', customer: { id: customer } });
    expect(detail.interactions.map((i) => [i.messageId, i.channel, i.text])).toEqual([
      [third, 'email', 'Emailed the receipt'],
      [second, 'sms', 'Texted a photo'],
      [first, 'voice', 'Called about the bill'],
    ]);
    expect(detail.audit).toEqual([]);
  });

  it('when the customer was merged away, then the detail answers 404 merged naming the survivor', async () => {
    const survivor = await aProfile();
    const gone = await aProfile();
    await db.sql`update customers set merged_into_id = ${survivor} where id = ${gone}`;
    const res = await agent.get(`/api/customers/${gone}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('merged');
    expect(res.body.error.message).toContain(survivor);
    expect((await agent.get(`/api/customers/${randomUUID()}`)).body.error.code).toBe('not_found');
  });
});

describe('changing a customer', () => {
  it('when some fields are patched, then only those change and the audit trail records who changed what', async () => {
    const customer = await aProfile({ name: 'Ada', company: 'Engines Ltd', notes: 'Old note', tags: ['vip'] });
    const res = await agent.patch(`/api/customers/${customer}`, {
      company: '  Analytical Engines  ',
      tags: ['VIP', 'beta', 'vip'],
    });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({
      id: customer,
      name: 'Ada',
      company: 'Analytical Engines',
      notes: 'Old note',
      tags: ['vip', 'beta'],
    });
    expect(await customerRow(customer)).toMatchObject({
      name: 'Ada',
      company: 'Analytical Engines',
      notes: 'Old note',
      tags: ['vip', 'beta'],
    });

    const audit = (await agent.get(`/api/customers/${customer}`)).body.audit as AuditEntryView[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'customer.updated',
      actor: { kind: 'user', id: agentUser.id, name: 'Avery Agent' },
      data: {
        changes: {
          company: { from: 'Engines Ltd', to: 'Analytical Engines' },
          tags: { from: ['vip'], to: ['vip', 'beta'] },
        },
      },
    });
    expect(Object.keys(audit[0].data.changes as object).sort()).toEqual(['company', 'tags']);

    // Clearing the company with null is a change too; sending the same values again is not.
    await agent.patch(`/api/customers/${customer}`, { company: null });
    expect((await customerRow(customer)).company).toBeNull();
    await agent.patch(`/api/customers/${customer}`, { name: 'Ada', tags: ['beta', 'vip'].reverse() });
    expect(await auditOf(customer, 'customer.updated')).toHaveLength(2);
  });

  it('when a tag is invalid or the name too long, then it answers 400 naming the field and nothing changes', async () => {
    const customer = await aProfile({ name: 'Unchanged', tags: ['vip'] });
    const before = await customerRow(customer);
    const cases: [unknown, string][] = [
      [{ tags: ['ok', '!!bad'] }, 'tags.1'],
      [{ tags: Array.from({ length: 31 }, (_, i) => `tag${i}`) }, 'tags'],
      [{ name: 'x'.repeat(201), tags: ['fine'] }, 'name'],
      [{ notes: 'x'.repeat(10_001) }, 'notes'],
    ];
    for (const [body, field] of cases) {
      const res = await agent.patch(`/api/customers/${customer}`, body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect(await customerRow(customer)).toEqual(before);
    expect(await auditOf(customer, 'customer.updated')).toHaveLength(0);
  });
});

describe('a customer’s phones and emails', () => {
  it('when an identity is added in any format, then it is stored normalised (201), and adding it again answers 200 unchanged', async () => {
    const customer = await aProfile();
    const res = await agent.post(`/api/customers/${customer}/identities`, { kind: 'phone', value: '+44 7700 900123' });
    expect(res.status).toBe(201);
    expect(res.body.customer.identities).toEqual([
      { id: expect.any(String), kind: 'phone', value: '+447700900123', smsOptedOutAt: null },
    ]);
    const mail = await agent.post(`/api/customers/${customer}/identities`, {
      kind: 'email',
      value: ' Ada@Example.COM ',
    });
    expect(mail.body.customer.identities.map((i: { value: string }) => i.value)).toContain('ada@example.com');

    const again = await agent.post(`/api/customers/${customer}/identities`, { kind: 'phone', value: '+447700900123' });
    expect(again.status).toBe(200);
    expect(again.body.customer.identities).toHaveLength(2);
    const audit = await auditOf(customer, 'customer.identity_added');
    expect(audit.map((a) => [a.actorUserId, a.data.value])).toEqual([
      [agentUser.id, '+447700900123'],
      [agentUser.id, 'ada@example.com'],
    ]);
  });

  it('when the value is not a phone number or email, then it answers 400 naming value and stores nothing', async () => {
    const customer = await aProfile();
    for (const body of [
      { kind: 'phone', value: 'call me' },
      { kind: 'email', value: 'ada@' },
      { kind: 'phone', value: '' },
    ]) {
      const res = await agent.post(`/api/customers/${customer}/identities`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('value');
    }
    expect(
      (await agent.post(`/api/customers/${customer}/identities`, { kind: 'fax', value: '+14155550111' })).body.error
        .fields[0].path,
    ).toBe('kind');
    expect(await db.sql`select 1 from customer_identities where customer_id = ${customer}`).toHaveLength(0);
  });

  it('when the identity belongs to another customer, then it answers 409 identity_taken naming that customer and nothing moves', async () => {
    const phone = aPhone();
    const holder = await aProfile({ phone });
    const customer = await aProfile();
    const res = await agent.post(`/api/customers/${customer}/identities`, {
      kind: 'phone',
      value: phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 ($1) $2-$3'),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('identity_taken');
    expect(res.body.error.message).toContain(holder);
    expect(await db.sql`select customer_id from customer_identities where value = ${phone}`).toEqual([
      { customerId: holder },
    ]);
    expect(await auditOf(customer, 'customer.identity_added')).toHaveLength(0);
  });

  it('when an identity is removed, then it is gone and audited; an identity of another customer cannot be removed through this one', async () => {
    const customer = await aProfile({ phone: aPhone(), email: `remove.${unique()}@example.com` });
    const other = await aProfile({ phone: aPhone() });
    const [phone] = await db.sql<
      { id: string; value: string }[]
    >`select id, value from customer_identities where customer_id = ${customer} and kind = 'phone'`;
    const [othersPhone] = await db.sql<
      { id: string }[]
    >`select id from customer_identities where customer_id = ${other}`;

    const res = await agent.request('DELETE', `/api/customers/${customer}/identities/${phone.id}`);
    expect(res.status).toBe(200);
    expect(res.body.customer.identities.map((i: { kind: string }) => i.kind)).toEqual(['email']);
    expect((await auditOf(customer, 'customer.identity_removed'))[0]).toMatchObject({
      actorUserId: agentUser.id,
      data: { kind: 'phone', value: phone.value },
    });

    expect((await agent.request('DELETE', `/api/customers/${customer}/identities/${othersPhone.id}`)).status).toBe(404);
    expect(await db.sql`select 1 from customer_identities where id = ${othersPhone.id}`).toHaveLength(1);
  });
});

describe('merging customers', () => {
  const tables = ['customers', 'customer_identities', 'tickets', 'messages', 'calls', 'callbacks'] as const;
  const countRows = async () =>
    Object.fromEntries(
      await Promise.all(
        tables.map(async (t) => [t, Number((await db.sql.unsafe(`select count(*) as n from ${t}`))[0].n)]),
      ),
    );
  const owned = async (customerId: string) => ({
    identities: (
      await db.sql<{ id: string }[]>`select id from customer_identities where customer_id = ${customerId} order by id`
    ).map((r) => r.id),
    tickets: (await db.sql<{ id: string }[]>`select id from tickets where customer_id = ${customerId} order by id`).map(
      (r) => r.id,
    ),
    calls: (await db.sql<{ id: string }[]>`select id from calls where customer_id = ${customerId} order by id`).map(
      (r) => r.id,
    ),
    callbacks: (
      await db.sql<{ id: string }[]>`select id from callbacks where customer_id = ${customerId} order by id`
    ).map((r) => r.id),
  });

  it('when one customer is merged into another, then the survivor has everything, the source is marked merged, nothing is lost, and both are audited', async () => {
    const survivor = await aProfile({
      name: null,
      company: 'Acme',
      notes: 'Calls on Mondays.',
      tags: ['vip', 'beta'],
      phone: aPhone(),
    });
    const source = await aProfile({
      name: 'Grace Hopper',
      company: 'Navy',
      notes: 'Prefers email.',
      tags: ['beta', 'churn-risk'],
      phone: aPhone(),
      email: `grace.${unique()}@example.com`,
    });
    const assigneeId = agentUser.id; // tickets the merging agent may open, so the survivor's page shows them all
    const survivorTicket = await aTicket(db.sql, { customerId: survivor, channel: 'voice', assigneeId });
    const smsTicket = await aTicket(db.sql, { customerId: source, channel: 'sms', assigneeId });
    const emailTicket = await aTicket(db.sql, { customerId: source, channel: 'email', assigneeId });
    await aMessage(smsTicket, 'sms', 'From the source by SMS', '2024-02-01T10:00:00Z');
    await aMessage(survivorTicket, 'voice', 'Survivor voicemail', '2024-02-02T10:00:00Z');
    await aCall(survivor, survivorTicket);
    const sourceCall = await aCall(source);
    await aCallback(survivor);
    const sourceCallback = await aCallback(source);
    const totalsBefore = await countRows();
    const survivorBefore = await owned(survivor);
    const sourceBefore = await owned(source);

    const res = await agent.post(`/api/customers/${survivor}/merge`, { sourceCustomerId: source });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({
      id: survivor,
      name: 'Grace Hopper',
      company: 'Acme',
      notes: 'Calls on Mondays.\n\nPrefers email.',
      tags: ['vip', 'beta', 'churn-risk'],
    });
    expect(res.body.customer.identities).toHaveLength(3);

    expect(await countRows()).toEqual(totalsBefore);
    const survivorAfter = await owned(survivor);
    for (const kind of ['identities', 'tickets', 'calls', 'callbacks'] as const) {
      expect(survivorAfter[kind], kind).toEqual([...survivorBefore[kind], ...sourceBefore[kind]].sort());
    }
    expect(await owned(source)).toEqual({ identities: [], tickets: [], calls: [], callbacks: [] });
    expect(sourceBefore.calls).toEqual([sourceCall]);
    expect(sourceBefore.callbacks).toEqual([sourceCallback]);
    expect(await customerRow(source)).toMatchObject({
      mergedIntoId: survivor,
      name: 'Grace Hopper',
      notes: 'Prefers email.',
    });

    const detail = (await agent.get(`/api/customers/${survivor}`)).body as CustomerDetailResponse;
    expect(detail.tickets.map((t) => t.id).sort()).toEqual([survivorTicket, smsTicket, emailTicket].sort());
    expect(detail.interactions.map((i) => i.text)).toEqual(['Survivor voicemail', 'From the source by SMS']);
    const moved = { identities: 2, tickets: 2, calls: 1, callbacks: 1 };
    expect(detail.audit).toEqual([
      expect.objectContaining({
        action: 'customer.merged',
        actor: expect.objectContaining({ id: agentUser.id, name: 'Avery Agent' }),
        data: { sourceCustomerId: source, moved },
      }),
    ]);
    expect(await auditOf(source, 'customer.merged_away')).toEqual([
      { actorUserId: agentUser.id, data: { mergedIntoId: survivor, moved } },
    ]);
    expect((await agent.get(`/api/customers/${source}`)).body.error.code).toBe('merged');
  });

  it('when a customer would be merged into itself, then it answers 400 naming sourceCustomerId and nothing changes', async () => {
    const customer = await aProfile({ tags: ['solo'] });
    const res = await agent.post(`/api/customers/${customer}/merge`, { sourceCustomerId: customer.toUpperCase() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('sourceCustomerId');
    expect((await customerRow(customer)).mergedIntoId).toBeNull();
    expect(await auditOf(customer, 'customer.merged')).toHaveLength(0);
  });

  it('when the source or the survivor was already merged away, then it answers 409 and nothing changes', async () => {
    const first = await aProfile();
    const gone = await aProfile({ phone: aPhone() });
    const third = await aProfile();
    expect((await agent.post(`/api/customers/${first}/merge`, { sourceCustomerId: gone })).status).toBe(200);
    const totals = await countRows();
    const goneAgain = await agent.post(`/api/customers/${third}/merge`, { sourceCustomerId: gone });
    expect(goneAgain.status).toBe(409);
    expect(goneAgain.body.error.fields[0].path).toBe('sourceCustomerId');
    expect(goneAgain.body.error.message).toContain(first);
    const intoGone = await agent.post(`/api/customers/${gone}/merge`, { sourceCustomerId: third });
    expect(intoGone.status).toBe(409);
    expect(await countRows()).toEqual(totals);
    expect((await customerRow(third)).mergedIntoId).toBeNull();
    expect(await customerRow(gone)).toMatchObject({ mergedIntoId: first });
    expect(await auditOf(third, 'customer.merged')).toHaveLength(0);
  });

  it('when the source customer does not exist or the body is wrong, then it answers 4xx naming sourceCustomerId', async () => {
    const customer = await aProfile();
    const missing = await agent.post(`/api/customers/${customer}/merge`, { sourceCustomerId: randomUUID() });
    expect(missing.status).toBe(404);
    expect(missing.body.error.fields[0].path).toBe('sourceCustomerId');
    const malformed = await agent.post(`/api/customers/${customer}/merge`, { sourceCustomerId: 'nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('sourceCustomerId');
  });
});

describe('customer.changed', () => {
  it('when a customer is changed or merged, then their team’s supervisor, admins and the assignee of their open ticket are told, and other agents are not', async () => {
    const team = await aTeam(db.sql);
    const queue = await aQueue(db.sql, { teamId: team });
    const supervisorUser = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const adminUser = await aUser(db.sql, 'admin');
    const assigneeUser = await aUser(db.sql, 'agent');
    const bystanderUser = await aUser(db.sql, 'agent');
    const connect = async (user: { email: string; password: string }) => {
      const client = await new TestClient(server.url).signIn(user.email, user.password);
      const socket = await connectSocket(server.url, client.cookie);
      sockets.push(socket);
      return socket;
    };
    const [supervisor, admin, assignee, bystander] = await Promise.all(
      [supervisorUser, adminUser, assigneeUser, bystanderUser].map(connect),
    );

    const customer = await aProfile();
    const source = await aProfile();
    await aTicket(db.sql, { customerId: customer, queueId: queue });
    await aTicket(db.sql, { customerId: source, assigneeId: assigneeUser.id });

    const forCustomer = (id: string) => (e: { customerId: string }) => e.customerId === id;
    const toSupervisor = nextEvent(supervisor, 'customer.changed', forCustomer(customer));
    const toAdmin = nextEvent(admin, 'customer.changed', forCustomer(customer));
    expect((await agent.patch(`/api/customers/${customer}`, { notes: 'Changed' })).status).toBe(200);
    expect(await toSupervisor).toEqual({ customerId: customer });
    expect(await toAdmin).toEqual({ customerId: customer });

    const bystanderFirst = nextEvent<{ customerId: string }>(bystander, 'customer.changed');
    const survivorToAssignee = nextEvent(assignee, 'customer.changed', forCustomer(customer));
    const sourceToAssignee = nextEvent(assignee, 'customer.changed', forCustomer(source));
    const sourceToSupervisor = nextEvent(supervisor, 'customer.changed', forCustomer(source));
    expect((await agent.post(`/api/customers/${customer}/merge`, { sourceCustomerId: source })).status).toBe(200);
    await Promise.all([survivorToAssignee, sourceToAssignee, sourceToSupervisor]);
    // Something the bystander does receive, after the merge's events: had those reached them, they would come first.
    server.ctx.publisher.emit([rooms.agent(bystanderUser.id)], 'customer.changed', { customerId: 'probe' });
    expect(await bystanderFirst).toEqual({ customerId: 'probe' });
  });
});
