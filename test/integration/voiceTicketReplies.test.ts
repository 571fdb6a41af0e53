import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aCustomer, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// A phone ticket is answered by calling back: a written reply on the voice channel would be delivered nowhere.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function anAgentWithVoiceTicket() {
  const agent = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(agent.email, agent.password);
  const customerId = await aCustomer(db.sql, { phone: aPhone() });
  const ticketId = await aTicket(db.sql, { customerId, assigneeId: agent.id, channel: 'voice' });
  return { client, ticketId };
}

const snapshot = async (ticketId: string) => ({
  messages: await db.sql`select id from messages where ticket_id = ${ticketId}`,
  audit: await db.sql`select action from audit_log where entity_id = ${ticketId}`,
  ticket: (await db.sql`select status, updated_at from tickets where id = ${ticketId}`)[0],
});

describe('replies on a phone ticket', () => {
  it('when an agent posts a reply on a voice ticket, then it is refused with a 409 that says to call back or add a note, and nothing changes', async () => {
    const { client, ticketId } = await anAgentWithVoiceTicket();
    const before = await snapshot(ticketId);

    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'Thanks for calling, here is your order link.',
    });

    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'voice_ticket',
      message: 'This is a phone ticket: call the customer back, or add an internal note.',
    });
    expect(await snapshot(ticketId)).toEqual(before);
  });

  it('when the agent adds an internal note on the voice ticket instead, then it is stored', async () => {
    const { client, ticketId } = await anAgentWithVoiceTicket();
    const res = await client.post(`/api/tickets/${ticketId}/notes`, { text: 'Will call back after 3pm.' });
    expect(res.status).toBe(201);
    expect(
      (await db.sql`select direction from messages where ticket_id = ${ticketId}`).map((m) => m.direction),
    ).toEqual(['internal']);
  });
});
