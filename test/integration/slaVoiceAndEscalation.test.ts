import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSlaResponse } from '../../server/http/slaApiTypes';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';

// Two SLA rules seen from outside: a call an agent answers is the ticket's first response (the caller and the agent
// talking, through the built-in Twilio simulator's signed webhooks and REST calls), and the "reassign to the queue"
// escalation step hands a ticket its agent left unanswered back to a queue a minute after the breach (in real time,
// as the "notify second level" step is tested in slaAdmin.test.ts).

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let secondLine: string;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05', ROUTING_OFFER_TIMEOUT_SECONDS: '30' }),
  );
  await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  await aQueue(db.sql, { name: 'Texts', entryForChannels: ['sms'] });
  secondLine = await aQueue(db.sql, { name: 'Second line' });
  const adminUser = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(adminUser.email, adminUser.password);
  const voice = await admin.post('/api/admin/sla-policies', {
    name: 'Calls',
    channels: ['voice'],
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
  });
  expect(voice.status).toBe(201);
  const texts = await admin.post('/api/admin/sla-policies', {
    name: 'Texts within a minute',
    channels: ['sms'],
    firstResponseMinutes: 1,
    resolutionMinutes: 60,
    // A minute after the breach, the ticket leaves its agent for the second line's queue.
    escalation: { afterMinutes: 1, action: 'reassign_to_queue', queueId: secondLine },
  });
  expect(texts.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const slaOf = async (ticketId: string) => (await admin.get(`/api/tickets/${ticketId}/sla`)).body as TicketSlaResponse;
const firstResponse = (sla: TicketSlaResponse) => sla.clocks.find((c) => c.target === 'first_response')!;

describe('SLA and calls', () => {
  it('when an agent answers a customer’s call, then the ticket’s first response is given: its clock stops, met', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const socket = await connectSocket(server.url, client.cookie);
    const device = `client:agent-${agent.id}`;
    const sid = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(sid, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(sid, '1');
    await sim().waitFor(sid, (c) => c.queue !== null, 10_000);
    const [{ ticketId }] = await db.sql<{ ticketId: string }[]>`select ticket_id from calls where call_sid = ${sid}`;
    // Waiting in the queue is no answer: the clock runs.
    const waiting = await slaOf(ticketId);
    expect(waiting.policy?.name).toBe('Calls');
    expect(firstResponse(waiting)).toMatchObject({ state: 'running', result: 'pending' });

    const offered = nextEvent<any>(socket, 'offer.created', (p) => p.ticket.id === ticketId);
    expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
    expect((await client.post(`/api/offers/${(await offered).offer.id}/accept`)).status).toBe(200);
    // Accepting is not answering either: only the customer joining the agent in the conference is.
    expect(firstResponse(await slaOf(ticketId)).state).toBe('running');
    const ringing = await sim().waitForCall((c) => c.to === device && c.status === 'ringing', 10_000);
    sim().answer(ringing.sid);
    await sim().waitFor(sid, (c) => c.conference?.participants.length === 2, 10_000);

    const answered = firstResponse(await slaOf(ticketId));
    expect(answered).toMatchObject({ state: 'stopped', result: 'met', breachedAt: null });
    const [row] = await db.sql<{ stoppedAt: Date | null; result: string | null; breachedAt: Date | null }[]>`
      select stopped_at, result, breached_at from sla_clocks where ticket_id = ${ticketId} and target = 'first_response'`;
    expect(row).toMatchObject({ result: 'met', breachedAt: null });
    const [call] = await db.sql<{ connectedAt: Date }[]>`select connected_at from calls where call_sid = ${sid}`;
    // Stopped when the caller was put through, not later (the hang-up) nor earlier (the offer).
    expect(Math.abs(row.stoppedAt!.getTime() - call.connectedAt.getTime())).toBeLessThan(1000);
    // The resolution clock is no response target: it keeps running while they talk.
    expect((await slaOf(ticketId)).clocks.find((c) => c.target === 'resolution')?.state).toBe('running');
    sim().hangup(sid);
    await client.put('/api/me/presence', { presence: 'offline' });
    socket.close();
  });
});

describe('SLA escalation: reassign to the queue', () => {
  it(
    'when an assigned ticket’s first response breaches, then a minute later it leaves its agent and waits in the policy’s queue',
    async () => {
      const params = incomingSmsParams(aPhone(), server.ctx.sms.companyNumber, 'My order never came');
      const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, {
        authToken: server.ctx.sms.authToken,
        publicUrl: server.ctx.config.PUBLIC_URL,
      });
      expect(res.status).toBe(200);
      const [{ ticketId }] = await waitFor(
        () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${params.MessageSid}`,
        (rows) => rows.length > 0,
      );
      // An agent holds the ticket (offline, so routing offers it to nobody once it is back in a queue) and never answers.
      const agent = await aUser(db.sql, 'agent');
      expect((await admin.post(`/api/tickets/${ticketId}/transfer`, { agentId: agent.id })).status).toBe(200);
      const started = await slaOf(ticketId);
      expect(started.policy?.name).toBe('Texts within a minute');
      const clock = firstResponse(started);
      expect(Date.parse(clock.dueAt!) - Date.parse(clock.startedAt)).toBe(60_000);

      const [moved] = await waitFor(
        () => db.sql<{ assigneeId: string | null; queueId: string | null }[]>`
          select assignee_id, queue_id from tickets where id = ${ticketId}`,
        (rows) => rows[0].assigneeId === null,
        3 * 60_000,
      );
      expect(moved.queueId).toBe(secondLine);
      const escalated = firstResponse(await slaOf(ticketId));
      expect(escalated.breachedAt).not.toBeNull();
      expect(escalated.escalatedAt).not.toBeNull();
      // Not before the breach plus the minute the policy gives the agent.
      expect(Date.parse(escalated.escalatedAt!)).toBeGreaterThanOrEqual(Date.parse(clock.dueAt!) + 60_000);
      const audit = await db.sql<{ data: { action: string; queueId: string } }[]>`
        select data from audit_log where entity_id = ${ticketId} and action = 'ticket.sla_escalated'`;
      expect(audit).toEqual([{ data: { target: 'first_response', action: 'reassign_to_queue', queueId: secondLine } }]);
    },
    4 * 60_000,
  );
});
