import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// The keypad survey after the agent hangs up, through the TwiML the built-in Twilio simulator follows (signed
// webhooks as Twilio sends them): the caller keys a score, then leaves a spoken comment.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let queueId: string;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05', ROUTING_OFFER_TIMEOUT_SECONDS: '30' }),
  );
  queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const setSurvey = (changes: Record<string, unknown>) => changeSurveySettings(admin, queueId, changes);

/** A caller picks the agent option, an agent takes the call, they talk; the agent hangs up. Returns the caller. */
async function aConversationTheAgentEnds(optIn?: string, from = aPhone(), beforeHangup?: () => Promise<void>) {
  // This conversation's agent is the only one taking calls.
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update tickets set status = 'resolved', queue_id = null where status <> 'resolved' and assignee_id is null`;
  const user = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  try {
    expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
    const phone = from;
    const caller = sim().placeCall({ from: phone, to: server.ctx.voice.companyNumber });
    await sim().waitFor(caller, (c) => c.awaiting?.kind === 'gather', 10_000);
    const offered = nextEvent<any>(socket, 'offer.created', (p) => p.ticket.channel === 'voice', 20_000);
    sim().pressDigits(caller, '1');
    if (optIn !== undefined) {
      // The opt-in question comes before the queue.
      await sim().waitFor(
        caller,
        (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('short survey'),
        10_000,
      );
      sim().pressDigits(caller, optIn);
    }
    const offer = await offered;
    expect((await client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    const device = `client:agent-${user.id}`;
    const ringing = await sim().waitForCall((c) => c.to === device && c.status === 'ringing', 10_000);
    sim().answer(ringing.sid);
    await sim().waitFor(caller, (c) => c.conference?.participants.length === 2, 10_000);
    await beforeHangup?.();
    sim().hangup(ringing.sid);
    return { caller, phone, agentId: user.id, ticketId: offer.ticket.id as string, client };
  } finally {
    socket.close();
  }
}

const surveyOfTicket = async (ticketId: string) =>
  (
    await db.sql`select status, score, comment, comment_recording_url, agent_id, channel, origin, low_score from surveys where ticket_id = ${ticketId}`
  )[0];

describe('the keypad survey after a call', () => {
  it('takes the caller to the survey when the agent hangs up: the keyed score and the spoken comment land on the ticket', async () => {
    await setSurvey({
      voiceMode: 'always',
      askComment: true,
      askSecondQuestion: false,
      lowScoreAction: 'ticket',
      throttleDays: 0,
    });
    const { caller, agentId, ticketId } = await aConversationTheAgentEnds();
    await sim().waitFor(
      caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('How satisfied'),
      10_000,
    );
    expect(await surveyOfTicket(ticketId)).toMatchObject({ status: 'sent', channel: 'voice', origin: 'call', agentId });
    sim().pressDigits(caller, '1');
    await sim().waitFor(caller, (c) => c.awaiting?.kind === 'record', 10_000);
    sim().leaveRecording(caller, 'I waited far too long on hold');
    const survey = await waitFor(
      () => surveyOfTicket(ticketId),
      (s) => s.commentRecordingUrl !== null && s.comment !== null,
    );
    expect(survey).toMatchObject({
      status: 'answered',
      score: 1,
      lowScore: true,
      comment: 'I waited far too long on hold',
    });
    await sim().waitFor(caller, (c) => c.status === 'completed', 10_000);
    // A low score with the "ticket" setting opens a follow-up ticket in the queue.
    const [visit] = await db.sql`
      select r.method, t.queue_id, t.status from return_visits r join tickets t on t.id = r.follow_up_ticket_id where r.ticket_id = ${ticketId}`;
    expect(visit).toEqual({ method: 'ticket', queueId, status: expect.stringMatching(/new|open/) });
  });

  it('with the opt-in setting, surveys only the callers who pressed 1 in the IVR', async () => {
    await setSurvey({ voiceMode: 'opt_in', askComment: false });
    const declined = await aConversationTheAgentEnds('2');
    await sim().waitFor(declined.caller, (c) => c.status === 'completed', 10_000);
    expect(await surveyOfTicket(declined.ticketId)).toBeUndefined();

    const accepted = await aConversationTheAgentEnds('1');
    await sim().waitFor(
      accepted.caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('How satisfied'),
      10_000,
    );
    sim().pressDigits(accepted.caller, '5');
    await sim().waitFor(accepted.caller, (c) => c.status === 'completed', 10_000);
    expect(await surveyOfTicket(accepted.ticketId)).toMatchObject({ status: 'answered', score: 5, lowScore: false });
  });

  it('on the NPS scale, takes a two-key answer ended by # and counts 6 as low', async () => {
    await setSurvey({
      voiceMode: 'always',
      scale: 'nps',
      lowScoreThreshold: 6,
      askComment: false,
      lowScoreAction: 'ticket',
      throttleDays: 0,
    });
    const promoter = await aConversationTheAgentEnds();
    await sim().waitFor(
      promoter.caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('then the pound key'),
      10_000,
    );
    sim().pressDigits(promoter.caller, '10#');
    await sim().waitFor(promoter.caller, (c) => c.status === 'completed', 10_000);
    expect(await surveyOfTicket(promoter.ticketId)).toMatchObject({ status: 'answered', score: 10, lowScore: false });

    const passive = await aConversationTheAgentEnds();
    await sim().waitFor(
      passive.caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('then the pound key'),
      10_000,
    );
    sim().pressDigits(passive.caller, '6#');
    await sim().waitFor(passive.caller, (c) => c.status === 'completed', 10_000);
    expect(await surveyOfTicket(passive.ticketId)).toMatchObject({ status: 'answered', score: 6, lowScore: true });
    expect((await db.sql`select method, reason from return_visits where ticket_id = ${passive.ticketId}`)[0]).toEqual({
      method: 'ticket',
      reason: 'low_score',
    });
  });

  it('never surveys a caller who withheld their number: no keypad survey, and no text after resolve', async () => {
    await setSurvey({
      voiceMode: 'always',
      scale: 'csat',
      lowScoreThreshold: 2,
      channel: 'contact',
      delayMinutes: 0,
      throttleDays: 0,
    });
    const withheld = await aConversationTheAgentEnds(undefined, 'anonymous');
    const ended = await sim().waitFor(withheld.caller, (c) => c.status === 'completed', 10_000);
    expect(JSON.stringify(ended.transcript)).not.toContain('How satisfied');
    expect(await surveyOfTicket(withheld.ticketId)).toBeUndefined();
    // Resolving the phone ticket asks for a text survey: it is skipped, never sent.
    expect((await withheld.client.patch(`/api/tickets/${withheld.ticketId}`, { status: 'resolved' })).status).toBe(200);
    const survey = await waitFor(
      () => surveyOfTicket(withheld.ticketId),
      (s) => s !== undefined && s.status !== 'scheduled',
    );
    expect(survey).toMatchObject({ status: 'skipped', channel: 'sms', origin: 'resolve' });
    expect((await db.sql`select skip_reason from surveys where ticket_id = ${withheld.ticketId}`)[0].skipReason).toBe(
      'withheld_caller',
    );
    expect(
      await db.sql`select 1 from messages where ticket_id = ${withheld.ticketId} and channel = 'sms' and direction = 'outbound'`,
    ).toEqual([]);
  });

  it('asks the second question on the keypad, and a caller surveyed within the throttle is not asked again', async () => {
    await setSurvey({
      voiceMode: 'always',
      channel: 'off',
      askSecondQuestion: true,
      askComment: false,
      throttleDays: 7,
    });
    const phone = aPhone();
    const first = await aConversationTheAgentEnds(undefined, phone);
    await sim().waitFor(
      first.caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('How satisfied'),
      10_000,
    );
    sim().pressDigits(first.caller, '4');
    await sim().waitFor(
      first.caller,
      (c) => c.awaiting?.kind === 'gather' && JSON.stringify(c.transcript).includes('Was your issue resolved'),
      10_000,
    );
    sim().pressDigits(first.caller, '2');
    await sim().waitFor(first.caller, (c) => c.status === 'completed', 10_000);
    expect(
      (await db.sql`select status, score, second_answer from surveys where ticket_id = ${first.ticketId}`)[0],
    ).toEqual({ status: 'answered', score: 4, secondAnswer: false });

    // The same customer calls again within the week: goodbye, no survey.
    await db.sql`update tickets set status = 'resolved' where id = ${first.ticketId}`;
    const again = await aConversationTheAgentEnds(undefined, phone);
    const ended = await sim().waitFor(again.caller, (c) => c.status === 'completed', 10_000);
    expect(JSON.stringify(ended.transcript)).not.toContain('How satisfied');
    expect(await db.sql`select score from surveys where to_address = ${phone}`).toEqual([{ score: 4 }]);
  });

  it('when a text survey to the same customer is going out at that moment, then the keypad survey waits for it and is not asked', async () => {
    await setSurvey({
      voiceMode: 'always',
      channel: 'off',
      askSecondQuestion: false,
      askComment: false,
      throttleDays: 7,
    });
    const phone = aPhone();
    // A text survey to this customer is being sent: its transaction holds the throttle's lock and has not committed.
    let holderPid = 0;
    let letGo = () => {};
    let held = () => {};
    const lockHeld = new Promise<void>((resolve) => (held = resolve));
    let sending: Promise<unknown> = Promise.resolve();
    const conversation = await aConversationTheAgentEnds(undefined, phone, async () => {
      const [customer] = await db.sql`select customer_id from customer_identities where value = ${phone}`;
      sending = db.sql.begin(async (tx) => {
        [{ pid: holderPid }] = await tx`select pg_backend_pid() as pid`;
        await tx`select pg_advisory_xact_lock(hashtextextended(${`survey-throttle:${customer.customerId}`}, 0))`;
        held();
        await new Promise<void>((resolve) => (letGo = resolve));
        await tx`
          insert into surveys (ticket_id, customer_id, queue_id, channel, origin, scale, locale, settings, status, to_address,
                               send_at, sent_at, expires_at)
          select t.id, t.customer_id, t.queue_id, 'sms', 'resolve', 'csat', 'en', '{}'::jsonb, 'sent', ${phone},
                 now(), now(), now() + interval '1 day'
          from tickets t where t.customer_id = ${customer.customerId} limit 1`;
      });
      await lockHeld;
    });
    // The hang-up's survey decision waits on that lock (it would not, and would ask, without it)…
    try {
      await waitFor(
        () => db.sql`select 1 from pg_stat_activity where ${holderPid} = any(pg_blocking_pids(pid))`,
        (blocked) => blocked.length > 0,
        10_000,
      );
    } finally {
      letGo();
      await sending;
    }
    // …then sees the text survey sent, and says goodbye.
    const ended = await sim().waitFor(conversation.caller, (c) => c.status === 'completed', 10_000);
    expect(JSON.stringify(ended.transcript)).not.toContain('How satisfied');
    expect(await db.sql`select channel from surveys where to_address = ${phone}`).toEqual([{ channel: 'sms' }]);
  });
});
