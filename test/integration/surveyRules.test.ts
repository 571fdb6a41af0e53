import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSurvey } from '../../server/surveys/sendSurvey';
import { defaultSurveyMessages } from '../../server/surveys/surveyMessages';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// The survey rules through the SMS webhook and send path: the NPS and CES scales and their low lines, the question in
// the customer's language, an expired survey taking no answer, and one row sent once however often its job runs.
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

/** A customer texts in; the agent has the ticket and resolves it. */
async function aResolvedTicketFromText(phone: string, text: string) {
  expect((await texted(phone, text)).status).toBe(200);
  const [t] = await db.sql<{ id: string }[]>`
    select t.id from tickets t join messages m on m.ticket_id = t.id where m.from_address = ${phone}
    order by m.created_at desc limit 1`;
  await db.sql`update tickets set assignee_id = ${agent.id}, status = 'open' where id = ${t.id}`;
  expect((await agent.client.patch(`/api/tickets/${t.id}`, { status: 'resolved' })).status).toBe(200);
  return t.id;
}

const surveyOf = async (ticketId: string) =>
  (
    await db.sql<
      { id: string; status: string; score: number | null; lowScore: boolean; step: string; sendAt: Date }[]
    >`select id, status, score, low_score, step, send_at from surveys where ticket_id = ${ticketId} order by created_at`
  )[0];
const outboundTexts = (ticketId: string) =>
  db.sql<{ bodyText: string; status: string }[]>`
    select body_text, status from messages where ticket_id = ${ticketId} and direction = 'outbound' order by created_at`;

/** The survey went out and its question reached the phone. */
const sentSurvey = async (ticketId: string) => {
  await waitFor(
    () => surveyOf(ticketId),
    (s) => s?.status === 'sent',
  );
  return (
    await waitFor(
      () => outboundTexts(ticketId),
      (m) => m[0]?.status === 'sent',
    )
  )[0];
};

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
}, 60_000);
afterAll(async () => {
  supervisorSocket?.close();
  await server?.stop();
  await db?.drop();
});

describe('survey scales', () => {
  it('when the queue asks NPS, then "10" is a promoter, and a 6 is low: the supervisors are alerted and a return visit opens', async () => {
    await setSurvey({
      channel: 'contact',
      delayMinutes: 0,
      throttleDays: 0,
      askComment: false,
      scale: 'nps',
      lowScoreThreshold: 6,
      lowScoreAction: 'ticket',
      messages: defaultSurveyMessages('nps'),
    });
    const promoterPhone = aPhone();
    const promoter = await aResolvedTicketFromText(promoterPhone, 'Thanks for the quick fix');
    expect((await sentSurvey(promoter)).bodyText).toMatch(/recommend us.*Please answer 0-10/);
    expect((await texted(promoterPhone, '10')).status).toBe(200);
    expect(await surveyOf(promoter)).toMatchObject({ status: 'answered', score: 10, lowScore: false });
    expect(await db.sql`select 1 from return_visits where ticket_id = ${promoter}`).toEqual([]);

    const passivePhone = aPhone();
    const passive = await aResolvedTicketFromText(passivePhone, 'It took a while');
    await sentSurvey(passive);
    const alerted = nextEvent<any>(supervisorSocket, 'survey.low_score', (e) => e.survey.ticketId === passive);
    expect((await texted(passivePhone, '6')).status).toBe(200);
    expect((await alerted).survey).toMatchObject({ score: 6, lowScore: true, scale: 'nps' });
    expect((await db.sql`select method, reason from return_visits where ticket_id = ${passive}`)[0]).toEqual({
      method: 'ticket',
      reason: 'low_score',
    });
    // The survey's answer opened no ticket and left the resolved one resolved.
    expect((await db.sql`select status from tickets where id = ${passive}`)[0].status).toBe('resolved');
  });

  it('when the queue asks CES, then 1–7 is the scale: a 7 is recorded, an 8 is no answer', async () => {
    await setSurvey({ scale: 'ces', lowScoreThreshold: 3, messages: defaultSurveyMessages('ces') });
    const phone = aPhone();
    const ticketId = await aResolvedTicketFromText(phone, 'Password reset done?');
    expect((await sentSurvey(ticketId)).bodyText).toMatch(/How easy.*Please answer 1-7/);
    expect((await texted(phone, '8')).status).toBe(200);
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'sent', score: null });
    expect((await texted(phone, '7')).status).toBe(200);
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'answered', score: 7, lowScore: false });
  });
});

describe('survey rules', () => {
  it('when the customer writes Chinese, then the SMS question is the zh-CN message', async () => {
    await setSurvey({ scale: 'csat', lowScoreThreshold: 2, messages: defaultSurveyMessages('csat') });
    const ticketId = await aResolvedTicketFromText(aPhone(), '我的快递还没到');
    expect((await sentSurvey(ticketId)).bodyText).toMatch(/^您对工单 #\d+ 的服务满意吗？请回复 1-5/);
  });

  it('when a survey has expired, then a reply takes no answer: it is an ordinary text on the ticket, and the survey shows expired', async () => {
    await setSurvey({ expiryHours: 1 });
    const phone = aPhone();
    const ticketId = await aResolvedTicketFromText(phone, 'Refund question');
    await sentSurvey(ticketId);
    const { id } = await surveyOf(ticketId);
    // The hour has passed.
    await db.sql`update surveys set expires_at = now() - interval '1 minute' where id = ${id}`;
    expect((await texted(phone, '5')).status).toBe(200);
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'sent', score: null });
    // The "5" reached the ticket as a contact, which reopened it.
    expect((await db.sql`select status from tickets where id = ${ticketId}`)[0].status).toBe('open');
    const detail = await agent.client.get(`/api/tickets/${ticketId}`);
    expect(detail.body.surveys[0]).toMatchObject({ status: 'expired', score: null });
    await setSurvey({ expiryHours: 72 });
  });

  it('when the send job runs twice at once and again later, then the survey is sent once', async () => {
    await setSurvey({ delayMinutes: 60 });
    const phone = aPhone();
    const ticketId = await aResolvedTicketFromText(phone, 'Where is my invoice');
    const scheduled = await surveyOf(ticketId);
    expect(scheduled.status).toBe('scheduled');
    // Not due yet: running its job sends nothing.
    expect(await sendSurvey(server.ctx, scheduled.id)).toEqual({ notDue: true });
    expect(await outboundTexts(ticketId)).toEqual([]);
    await db.sql`update surveys set send_at = now() where id = ${scheduled.id}`;
    const runs = await Promise.all([sendSurvey(server.ctx, scheduled.id), sendSurvey(server.ctx, scheduled.id)]);
    expect(runs.filter((r) => r?.sent === 'sms')).toHaveLength(1);
    expect(await sendSurvey(server.ctx, scheduled.id)).toBeNull();
    const texts = await waitFor(
      () => outboundTexts(ticketId),
      (m) => m[0]?.status === 'sent',
    );
    expect(texts).toHaveLength(1);
    expect((await db.sql`select count(*)::int as n from surveys where ticket_id = ${ticketId}`)[0].n).toBe(1);
    await setSurvey({ delayMinutes: 0 });
  });

  it('when two surveys to one customer fall due together, then the throttle lets one go and skips the other', async () => {
    await setSurvey({ delayMinutes: 60, throttleDays: 7 });
    const phone = aPhone();
    const first = await aResolvedTicketFromText(phone, 'Two orders are late');
    // The same customer's second conversation, resolved too.
    const [{ customerId }] = await db.sql`select customer_id from tickets where id = ${first}`;
    const [second] = await db.sql<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status, queue_id, assignee_id)
      values (${customerId}, 'sms', 'The other order', 'open', ${queueId}, ${agent.id}) returning id`;
    expect((await agent.client.patch(`/api/tickets/${second.id}`, { status: 'resolved' })).status).toBe(200);
    const due = [(await surveyOf(first)).id, (await surveyOf(second.id)).id];
    await db.sql`update surveys set send_at = now() where id = any(${due}::uuid[])`;
    const runs = await Promise.all(due.map((id) => sendSurvey(server.ctx, id)));
    expect(runs.map((r) => r?.sent ?? r?.skipped).sort()).toEqual(['sms', 'throttled']);
    await setSurvey({ delayMinutes: 0, throttleDays: 0 });
  });
});
