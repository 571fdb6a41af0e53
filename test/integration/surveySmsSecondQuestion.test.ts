import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// The SMS survey's optional second question, through Twilio's signed SMS webhook: while it waits for a yes or no, a
// text that is neither stays with the survey (as the comment, or with one re-ask) and never opens a ticket; an
// opt-out still wins.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let agent: { id: string; client: TestClient };
let queueId: string;
const COMPANY = '+15005550006';

const textedWith = (params: Record<string, string>) =>
  postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });
async function texted(from: string, body: string) {
  const res = await textedWith(incomingSmsParams(from, COMPANY, body));
  expect(res.status).toBe(200);
}

const setSurvey = (changes: Record<string, unknown>) => changeSurveySettings(admin, queueId, changes);

const surveyOf = async (ticketId: string) =>
  (
    await db.sql<{ step: string; score: number | null; secondAnswer: boolean | null; comment: string | null }[]>`
      select step, score, second_answer, comment from surveys where ticket_id = ${ticketId}`
  )[0];
const outboundTexts = async (ticketId: string) =>
  (
    await db.sql<{ bodyText: string }[]>`
      select body_text from messages where ticket_id = ${ticketId} and direction = 'outbound' order by created_at, id`
  ).map((m) => m.bodyText);
const ticketsOf = (phone: string) =>
  db.sql<{ id: string; status: string }[]>`
    select t.id, t.status from tickets t join customer_identities i on i.customer_id = t.customer_id
    where i.value = ${phone} order by t.created_at`;

/** A customer texts in, the agent resolves the ticket, the survey goes out and they answer `score`: the second question comes. */
async function aSurveyAtTheSecondQuestion(score: string) {
  const phone = aPhone();
  await texted(phone, 'My parcel never arrived');
  const [ticket] = await ticketsOf(phone);
  await db.sql`update tickets set assignee_id = ${agent.id}, status = 'open' where id = ${ticket.id}`;
  expect((await agent.client.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
  await waitFor(
    () => outboundTexts(ticket.id),
    (texts) => texts.length === 1,
  );
  await texted(phone, score);
  await waitFor(
    () => outboundTexts(ticket.id),
    (texts) => texts.some((t) => /Was your issue resolved/.test(t)),
  );
  expect(await surveyOf(ticket.id)).toMatchObject({ step: 'second', score: Number(score) });
  return { phone, ticketId: ticket.id };
}

/** Nothing was opened or reopened for the customer: their one ticket, still resolved. */
async function expectOnlyTheResolvedTicket(phone: string, ticketId: string) {
  expect(await ticketsOf(phone)).toEqual([{ id: ticketId, status: 'resolved' }]);
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql, { entryForChannels: ['sms'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const ag = await aUser(db.sql, 'agent');
  agent = { id: ag.id, client: await new TestClient(server.url).signIn(ag.email, ag.password) };
  await setSurvey({
    channel: 'contact',
    delayMinutes: 0,
    throttleDays: 0,
    askSecondQuestion: true,
    lowScoreAction: 'none',
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('the SMS survey’s second question', () => {
  it('with comments on, when the reply is no yes or no, then it is the comment: the survey is done, thanked, and no ticket opens', async () => {
    await setSurvey({ askComment: true });
    const { phone, ticketId } = await aSurveyAtTheSecondQuestion('4');
    await texted(phone, 'The courier was lovely but late');

    expect(await surveyOf(ticketId)).toMatchObject({
      step: 'done',
      secondAnswer: null,
      comment: 'The courier was lovely but late',
    });
    await waitFor(
      () => outboundTexts(ticketId),
      (texts) => texts.at(-1) === 'Thank you for your feedback.',
    );
    // Not asked for a comment it already has.
    expect((await outboundTexts(ticketId)).some((t) => /Anything you would like to tell us/.test(t))).toBe(false);
    await expectOnlyTheResolvedTicket(phone, ticketId);
  });

  it('with comments off, when the reply is no yes or no, then it is kept on the survey’s ticket and re-asked once; "YES" then answers it', async () => {
    await setSurvey({ askComment: false });
    const { phone, ticketId } = await aSurveyAtTheSecondQuestion('5');
    const stray = incomingSmsParams(phone, COMPANY, 'hmm, mostly?');
    expect((await textedWith(stray)).status).toBe(200);
    // Twilio retries the webhook: still one message, one re-ask.
    expect((await textedWith(stray)).status).toBe(200);

    const reasks = async () =>
      (await outboundTexts(ticketId)).filter((t) => t.startsWith('Sorry, please answer yes or no.'));
    expect(await reasks()).toEqual([
      'Sorry, please answer yes or no. Was your issue resolved? Answer 1 for yes, 2 for no.',
    ]);
    expect(await db.sql`select ticket_id, direction from messages where provider_id = ${stray.MessageSid}`).toEqual([
      { ticketId, direction: 'inbound' },
    ]);
    expect((await surveyOf(ticketId)).step).toBe('second');
    await expectOnlyTheResolvedTicket(phone, ticketId);

    // "YES" is also Twilio's opt-in keyword; here it is the answer.
    await texted(phone, 'YES');
    expect(await surveyOf(ticketId)).toMatchObject({ step: 'done', secondAnswer: true });
    await waitFor(
      () => outboundTexts(ticketId),
      (texts) => texts.at(-1) === 'Thank you for your feedback.',
    );
    expect(await reasks()).toHaveLength(1);
    await expectOnlyTheResolvedTicket(phone, ticketId);
  });

  it('with comments off, when the re-ask gets no yes or no either, then that text is kept too and the question ends unanswered; the next text is a contact again', async () => {
    await setSurvey({ askComment: false });
    const { phone, ticketId } = await aSurveyAtTheSecondQuestion('3');
    await texted(phone, 'what?');
    await texted(phone, 'I do not understand the question');

    expect(await surveyOf(ticketId)).toMatchObject({ step: 'done', secondAnswer: null, score: 3 });
    expect((await outboundTexts(ticketId)).filter((t) => t.startsWith('Sorry'))).toHaveLength(1);
    const kept = await db.sql<{ bodyText: string }[]>`
      select body_text from messages where ticket_id = ${ticketId} and direction = 'inbound' order by created_at, id`;
    expect(kept.map((m) => m.bodyText)).toEqual([
      'My parcel never arrived',
      '3',
      'what?',
      'I do not understand the question',
    ]);
    await expectOnlyTheResolvedTicket(phone, ticketId);

    await texted(phone, 'Can someone call me about the parcel?');
    expect((await ticketsOf(phone)).map((t) => t.status)).not.toEqual(['resolved']);
  });

  it('when the customer texts STOP while the second question waits, then they are opted out and STOP is no comment', async () => {
    await setSurvey({ askComment: true });
    const { phone, ticketId } = await aSurveyAtTheSecondQuestion('2');
    await texted(phone, 'STOP');

    const [identity] = await db.sql`select sms_opted_out_at from customer_identities where value = ${phone}`;
    expect(identity.smsOptedOutAt).not.toBeNull();
    expect(await surveyOf(ticketId)).toMatchObject({ step: 'second', comment: null, secondAnswer: null });
    expect((await outboundTexts(ticketId)).some((t) => t.startsWith('Sorry'))).toBe(false);
  });
});
