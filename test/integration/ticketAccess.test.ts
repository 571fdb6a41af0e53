import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aSkill, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const as = async (user: { email: string; password: string }) =>
  new TestClient(server.url).signIn(user.email, user.password);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('who sees a ticket', () => {
  it('when tickets sit in queues and with agents, then agents see their own and their queues’ tickets, supervisors their teams’, admins all', async () => {
    const billing = await aSkill(db.sql);
    const mandarin = await aSkill(db.sql);
    const north = await aTeam(db.sql);
    const south = await aTeam(db.sql);
    const northQueue = await aQueue(db.sql, { teamId: north, skills: [billing] });
    const southQueue = await aQueue(db.sql, { teamId: south, skills: [billing, mandarin] });

    const billingAgent = await aUser(db.sql, 'agent', { skills: [billing], teamIds: [north] });
    const otherAgent = await aUser(db.sql, 'agent', { skills: [], teamIds: [north] });
    const northSupervisor = await aUser(db.sql, 'supervisor', { teamIds: [north] });
    const southSupervisor = await aUser(db.sql, 'supervisor', { teamIds: [south] });
    const admin = await aUser(db.sql, 'admin');

    const customer = await aCustomer(db.sql);
    const waitingInNorth = await aTicket(db.sql, { customerId: customer, queueId: northQueue });
    const waitingInSouth = await aTicket(db.sql, { customerId: customer, queueId: southQueue });
    const assignedToOther = await aTicket(db.sql, { customerId: customer, assigneeId: otherAgent.id });

    const expectations: [typeof billingAgent, string, number][] = [
      [billingAgent, waitingInNorth, 200], // has the queue's skill
      [billingAgent, waitingInSouth, 404], // lacks mandarin
      [billingAgent, assignedToOther, 404], // someone else's, no queue
      [otherAgent, waitingInNorth, 404], // lacks billing
      [otherAgent, assignedToOther, 200], // their own
      [northSupervisor, waitingInNorth, 200],
      [northSupervisor, assignedToOther, 200], // assigned to a member of their team
      [northSupervisor, waitingInSouth, 404],
      [southSupervisor, waitingInNorth, 404],
      [southSupervisor, waitingInSouth, 200],
      [admin, waitingInSouth, 200],
      [admin, assignedToOther, 200],
    ];
    for (const [user, ticketId, status] of expectations) {
      const res = await (await as(user)).get(`/api/tickets/${ticketId}`);
      expect(res.status, `${user.email} → ticket ${ticketId}`).toBe(status);
      if (status === 200) expect(res.body.ticket.id).toBe(ticketId);
    }
  });

  it('when a ticket is assigned to an agent, then it is in that agent’s inbox only', async () => {
    const mine = await aUser(db.sql, 'agent');
    const theirs = await aUser(db.sql, 'agent');
    const customer = await aCustomer(db.sql);
    const ticket = await aTicket(db.sql, { customerId: customer, assigneeId: mine.id });
    expect((await (await as(mine)).get('/api/inbox')).body.tickets.map((t: { id: string }) => t.id)).toEqual([ticket]);
    expect((await (await as(theirs)).get('/api/inbox')).body.tickets).toEqual([]);
  });

  it('when the ticket id is not a UUID, then it answers 400 naming the parameter', async () => {
    const res = await (await as(await aUser(db.sql, 'admin'))).get('/api/tickets/123');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('id');
  });
});
