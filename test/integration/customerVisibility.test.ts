import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetailResponse, ScreenPop } from '../../server/http/apiTypes';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aSkill, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// The customer page (and the other views of a customer) shows only the tickets its viewer may open, and never an
// internal note; click-to-dial logs a call only on a ticket the caller may open.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sim = () => server.ctx.voice.simulator!;

type User = Awaited<ReturnType<typeof aUser>>;
let billingAgent: User;
let mandarinAgent: User;
let southSupervisor: User;
let admin: User;
let customerId: string;
let customerPhone: string;
const tickets = {} as Record<'north' | 'south' | 'own', string>;

// Words that must appear only where their ticket may be opened; notes nowhere at all.
const SAID = { north: 'north-said-parcel', south: 'south-said-refund', own: 'own-said-callback' };
const SUBJECT = { north: 'North subject parcel', south: 'South subject refund', own: 'Own subject callback' };
const NOTE = { north: 'NOTE-north-margin-is-thin', south: 'NOTE-south-fraud-suspected' };

const as = (user: User) => new TestClient(server.url).signIn(user.email, user.password);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05' }));
  const billing = await aSkill(db.sql);
  const mandarin = await aSkill(db.sql);
  const north = await aTeam(db.sql);
  const south = await aTeam(db.sql);
  const northQueue = await aQueue(db.sql, { teamId: north, skills: [billing] });
  const southQueue = await aQueue(db.sql, { teamId: south, skills: [mandarin] });
  billingAgent = await aUser(db.sql, 'agent', { skills: [billing], teamIds: [north] });
  mandarinAgent = await aUser(db.sql, 'agent', { skills: [mandarin], teamIds: [south] });
  southSupervisor = await aUser(db.sql, 'supervisor', { teamIds: [south] });
  admin = await aUser(db.sql, 'admin');

  customerPhone = aPhone();
  customerId = await aCustomer(db.sql, { phone: customerPhone });
  tickets.north = await aTicket(db.sql, { customerId, queueId: northQueue, channel: 'sms' });
  tickets.south = await aTicket(db.sql, { customerId, queueId: southQueue, channel: 'email' });
  // The billing agent's own, in no queue: seen by them (and admins) only.
  tickets.own = await aTicket(db.sql, { customerId, assigneeId: billingAgent.id, channel: 'voice' });
  for (const key of ['north', 'south', 'own'] as const) {
    await db.sql`update tickets set subject = ${SUBJECT[key]} where id = ${tickets[key]}`;
    await db.sql`
      insert into messages (ticket_id, channel, direction, body_text)
      select id, channel, 'inbound', ${SAID[key]} from tickets where id = ${tickets[key]}`;
  }
  // Notes written as agents write them, by someone who may open the ticket.
  const northNote = await (await as(billingAgent)).post(`/api/tickets/${tickets.north}/notes`, { text: NOTE.north });
  const southNote = await (await as(mandarinAgent)).post(`/api/tickets/${tickets.south}/notes`, { text: NOTE.south });
  expect([northNote.status, southNote.status]).toEqual([201, 201]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the customer page', () => {
  it.each([
    ['an agent with the billing skill', () => billingAgent, ['own', 'north'], 1],
    ['an agent with the mandarin skill', () => mandarinAgent, ['south'], 2],
    ['a supervisor of the south team', () => southSupervisor, ['south'], 2],
    ['an admin', () => admin, ['own', 'south', 'north'], 0],
  ] as const)(
    'when %s opens it, then it lists only the tickets they may open, counts the others, and shows no internal note',
    async (_who, viewer, visible, hidden) => {
      const res = await (await as(viewer())).get(`/api/customers/${customerId}`);
      expect(res.status).toBe(200);
      const detail = res.body as CustomerDetailResponse;
      // Newest first: aTicket rows were made north, south, own.
      expect(detail.tickets.map((t) => t.id)).toEqual(visible.map((k) => tickets[k]));
      expect(detail.hiddenTicketCount).toBe(hidden);
      expect(detail.interactions.map((i) => i.text).sort()).toEqual(visible.map((k) => SAID[k]).sort());
      expect(detail.interactions.every((i) => i.direction !== ('internal' as string))).toBe(true);

      for (const note of Object.values(NOTE)) expect(res.text).not.toContain(note);
      for (const key of ['north', 'south', 'own'] as const) {
        if ((visible as readonly string[]).includes(key)) continue;
        expect(res.text).not.toContain(tickets[key]);
        expect(res.text).not.toContain(SUBJECT[key]);
        expect(res.text).not.toContain(SAID[key]);
      }
    },
  );

  it('when an agent is offered a ticket, then the screen pop shows the customer’s other tickets and history they may open, and no note', async () => {
    // An offer as routing makes it (already seen, so the pop-acknowledgement sweep leaves it alone).
    await db.sql`
      insert into offers (ticket_id, agent_id, channel, expires_at, seen_at)
      values (${tickets.north}, ${billingAgent.id}, 'sms', now() + interval '1 hour', now())`;
    const res = await (await as(billingAgent)).get('/api/offers/mine');
    expect(res.status).toBe(200);
    const [pop] = res.body.offers as ScreenPop[];
    expect(pop.ticket.id).toBe(tickets.north);
    expect(pop.openTickets.map((t) => t.id).sort()).toEqual([tickets.own, tickets.north].sort());
    expect(pop.recentInteractions.map((i) => i.text).sort()).toEqual([SAID.north, SAID.own].sort());
    for (const text of [NOTE.north, NOTE.south, SUBJECT.south, SAID.south, tickets.south])
      expect(res.text).not.toContain(text);
    await db.sql`update offers set status = 'canceled' where ticket_id = ${tickets.north}`;
  });
});

describe('click-to-dial', () => {
  it('when the ticket given is one the caller may not open, then it answers 404 like the ticket routes, writes nothing and dials nobody; on their own ticket it dials', async () => {
    const caller = await as(billingAgent);
    const device = `client:agent-${billingAgent.id}`;
    const counts = async () =>
      (
        await db.sql`
          select (select count(*)::int from calls) as calls, (select count(*)::int from call_legs) as legs,
                 (select count(*)::int from tickets) as tickets, (select count(*)::int from audit_log) as audit`
      )[0];
    const before = await counts();

    const refused = await caller.post('/api/calls', {
      customerId,
      phoneNumber: customerPhone,
      ticketId: tickets.south,
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toEqual((await caller.get(`/api/tickets/${tickets.south}`)).body.error);
    expect(await counts()).toEqual(before);
    expect(await db.sql`select 1 from calls where ticket_id = ${tickets.south}`).toHaveLength(0);

    // The same call on a ticket they may open goes through: the first dialled leg is this one, so none came before.
    const placed = await caller.post('/api/calls', { customerId, phoneNumber: customerPhone, ticketId: tickets.own });
    expect(placed.status).toBe(201);
    expect(placed.body.ticketId).toBe(tickets.own);
    const leg = await sim().waitForCall((c) => c.to === device && c.status === 'ringing', 10_000);
    expect(
      sim()
        .calls()
        .filter((c) => c.to === device)
        .map((c) => c.sid),
    ).toEqual([leg.sid]);
    sim().hangup(leg.sid);
  });
});
