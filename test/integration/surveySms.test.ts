import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSurvey } from '../../server/surveys/sendSurvey';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// SMS surveys through the real webhook and send path: sent on resolve, the digit reply recorded as the answer
// without a ticket, a free text after it as the comment, a low score alerting the queue's supervisors live.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let agent: { id: string; client: TestClient };
let supervisorSocket: Socket;
let queueId: string;
const COMPANY = '+15005550006';

const texted = (from: string, body: string) =>
  postTwilioWebhook(server.url, '/webhooks/twilio/sms', incomingSmsParams(from, COMPANY, body), {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });

const setSurvey = (changes: Record<string, unknown>) => changeSurveySettings(admin, queueId, changes);

/** A customer texts in; the ticket is the agent's. */
async function aTicketFromText(phone: string, text: string) {
  expect((await texted(phone, text)).status).toBe(200);
  const [t] = await db.sql<{ id: string; customerId: string }[]>`
    select t.id, t.customer_id from tickets t join messages m on m.ticket_id = t.id where m.from_address = ${phone}
    order by m.created_at desc limit 1`;
  await db.sql`update tickets set assignee_id = ${agent.id}, status = 'open' where id = ${t.id}`;
  return t;
}

const surveysOf = (ticketId: string) =>
  db.sql<
    {
      id: string;
      status: string;
      skipReason: string | null;
      score: number | null;
      comment: string | null;
      agentId: string | null;
      step: string;
    }[]
  >`
    select id, status, skip_reason, score, comment, agent_id, step from surveys where ticket_id = ${ticketId} order by created_at`;
const outboundTexts = (ticketId: string) =>
  db.sql<{ bodyText: string; status: string }[]>`
    select body_text, status from messages where ticket_id = ${ticketId} and direction = 'outbound' order by created_at`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const teamId = await aTeam(db.sql);
  queueId = await aQueue(db.sql, { entryForChannels: ['sms'], teamId });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const ag = await aUser(db.sql, 'agent');
  agent = { id: ag.id, client: await new TestClient(server.url).signIn(ag.email, ag.password) };
  const sup = await aUser(db.sql, 'supervisor', { teamIds: [teamId] });
  const supClient = await new TestClient(server.url).signIn(sup.email, sup.password);
  supervisorSocket = await connectSocket(server.url, supClient.cookie);
  await setSurvey({
    channel: 'contact',
    delayMinutes: 0,
    throttleDays: 7,
    askComment: true,
    lowScoreAction: 'callback',
  });
}, 60_000);
afterAll(async () => {
  supervisorSocket?.close();
  await server?.stop();
  await db?.drop();
});

describe('an SMS survey', () => {
  it('goes out when the ticket is resolved, takes the digit reply as the answer without a ticket, then the comment; a low score alerts the supervisor', async () => {
    const phone = aPhone();
    const ticket = await aTicketFromText(phone, 'My parcel never arrived');
    expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    const [sent] = await waitFor(
      () => surveysOf(ticket.id),
      (s) => s[0]?.status === 'sent',
    );
    // Credited to the agent who had the ticket when it went out.
    expect(sent.agentId).toBe(agent.id);
    const [question] = await waitFor(
      () => outboundTexts(ticket.id),
      (m) => m[0]?.status === 'sent',
    );
    expect(question.bodyText).toMatch(/Please answer 1-5/);

    const lowScore = nextEvent<any>(supervisorSocket, 'survey.low_score', (e) => e.survey.ticketId === ticket.id);
    expect((await texted(phone, '2')).status).toBe(200);
    const alert = await lowScore;
    expect(alert.survey).toMatchObject({ score: 2, lowScore: true, scale: 'csat', agent: { id: agent.id } });
    // The answer is on the survey's ticket, which stays resolved; no ticket was opened for it.
    expect(
      await db.sql`select count(*)::int as n from tickets where customer_id = ${ticket.customerId} and channel = 'sms'`,
    ).toEqual([{ n: 1 }]);
    expect((await db.sql`select status from tickets where id = ${ticket.id}`)[0].status).toBe('resolved');
    // The low score opened a callback in the queue (the return visit).
    const [visit] = await db.sql`select method, reason, callback_id from return_visits where ticket_id = ${ticket.id}`;
    expect(visit).toMatchObject({ method: 'callback', reason: 'low_score' });
    expect((await db.sql`select queue_id, phone_number from callbacks where id = ${visit.callbackId}`)[0]).toEqual({
      queueId,
      phoneNumber: phone,
    });

    // The comment prompt went out; the free text after it is the comment.
    await waitFor(
      () => outboundTexts(ticket.id),
      (m) => m.some((x) => /Anything you would like to tell us/.test(x.bodyText)),
    );
    expect((await texted(phone, 'The courier left it at the wrong door')).status).toBe(200);
    const detail = await agent.client.get(`/api/tickets/${ticket.id}`);
    expect(detail.body.surveys[0]).toMatchObject({
      score: 2,
      comment: 'The courier left it at the wrong door',
      status: 'answered',
      lowScore: true,
    });
    await waitFor(
      () => outboundTexts(ticket.id),
      (m) => m.some((x) => x.bodyText === 'Thank you for your feedback.'),
    );
    expect((await db.sql`select status from tickets where id = ${ticket.id}`)[0].status).toBe('resolved');

    // After the survey is done, a text is an ordinary contact again: it reopens the ticket.
    expect((await texted(phone, 'Any news on my parcel?')).status).toBe(200);
    expect((await db.sql`select status from tickets where id = ${ticket.id}`)[0].status).toBe('open');
    // Resolved again: a new resolution, but the customer had a survey within 7 days — throttled, nothing sent.
    expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    const surveys = await waitFor(
      () => surveysOf(ticket.id),
      (s) => s.length === 2 && s[1].status !== 'scheduled',
    );
    expect(surveys[1]).toMatchObject({ status: 'skipped', skipReason: 'throttled' });
  });

  it('is canceled when the ticket reopens before it goes out, and its job then sends nothing', async () => {
    await setSurvey({ delayMinutes: 60, throttleDays: 0 });
    const phone = aPhone();
    const ticket = await aTicketFromText(phone, 'Wrong size delivered');
    expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    expect((await surveysOf(ticket.id))[0].status).toBe('scheduled');
    expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'open' })).status).toBe(200);
    const [survey] = await surveysOf(ticket.id);
    expect(survey).toMatchObject({ status: 'canceled', skipReason: 'reopened' });
    await db.sql`update surveys set send_at = now() where id = ${survey.id}`;
    expect(await sendSurvey(server.ctx, survey.id)).toBeNull();
    expect(await outboundTexts(ticket.id)).toEqual([]);
    await setSurvey({ delayMinutes: 0, throttleDays: 7 });
  });

  it('is never sent to a number that texted STOP, and a digit from a number with no survey is an ordinary text', async () => {
    const phone = aPhone();
    const ticket = await aTicketFromText(phone, 'Where is my refund');
    expect((await texted(phone, 'STOP')).status).toBe(200);
    expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    const [survey] = await waitFor(
      () => surveysOf(ticket.id),
      (s) => s[0] && s[0].status !== 'scheduled',
    );
    expect(survey).toMatchObject({ status: 'skipped', skipReason: 'opted_out' });
    const other = aPhone();
    expect((await texted(other, '5')).status).toBe(200);
    expect(
      await db.sql`select count(*)::int as n from messages m join tickets t on t.id = m.ticket_id where m.from_address = ${other}`,
    ).toEqual([{ n: 1 }]);
  });
});
