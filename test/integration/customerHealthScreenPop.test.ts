import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../server/http/apiTypes';
import { intakeContact } from '../../server/intake/intakeContact';
import { anSms, aPhone } from '../support/contacts';
import { aCustomer, aQueue, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// The customer's health travels with the screen pop: the agent sees the score and its reasons as the contact is offered.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql, { entryForChannels: ['sms'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('customer health in the screen pop', () => {
  it('when a customer with a low score writes asking for a refund, then the offered agent’s pop carries the lowered score with both reasons', async () => {
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    // An earlier conversation by email (so the new text opens a ticket of its own), answered with a low score.
    const earlier = await aTicket(db.sql, { customerId, queueId, channel: 'email' });
    await db.sql`update tickets set status = 'resolved', resolved_at = now() - interval '20 days', created_at = now() - interval '20 days' where id = ${earlier}`;
    await db.sql`
      insert into surveys (ticket_id, customer_id, queue_id, channel, origin, scale, locale, settings, status, send_at, sent_at,
                           answered_at, score, low_score)
      values (${earlier}, ${customerId}, ${queueId}, 'sms', 'resolve', 'csat', 'en', '{}', 'answered', now(), now(), now(), 1, true)`;

    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const socket = await connectSocket(server.url, client.cookie);
    try {
      expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
      const popped = nextEvent<ScreenPop>(socket, 'offer.created', (p) => p.customer.id === customerId);
      await intakeContact(server.ctx, anSms(phone, 'This is unacceptable, I want a refund'));
      const pop = await popped;
      // Low scores weigh 20 each, two complaint words 15 each: 50, at or below the default threshold of 60.
      expect(pop.health).toMatchObject({ customerId, atRisk: true });
      expect(pop.health!.score).toBe(100 - 20 - 30);
      expect(pop.health!.reasons.map((r) => r.kind).sort()).toEqual(['complaint_words', 'low_scores']);
      expect(pop.health!.reasons.find((r) => r.kind === 'complaint_words')!.details).toEqual(
        expect.arrayContaining(['refund', 'unacceptable']),
      );
    } finally {
      socket.close();
    }
  });
});
