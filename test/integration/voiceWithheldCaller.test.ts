import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IvrSettings } from '../../server/voice/ivrSettings';
import type { CallSnapshot } from '../../server/voice/simulator/types';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

// A caller who withholds their number: Twilio sends From=anonymous. They must be served like anyone else.
const COMPANY = '+15005550006';

describe('a withheld caller, through Twilio’s webhooks', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let sales: string;
  let billing: string;

  const post = (path: string, params: Record<string, string>) =>
    postTwilioWebhook(server.url, path, params, {
      authToken: server.ctx.voice.authToken,
      publicUrl: server.ctx.config.PUBLIC_URL,
    });
  async function twiml(path: string, params: Record<string, string>) {
    const res = await post(path, params);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return parseTwiml(text);
  }

  const ivr = (): IvrSettings => ({
    businessHoursId: null,
    language: 'en-US',
    greeting: 'Welcome to Acme.',
    closedMessage: 'Acme is closed.',
    voicemailPrompt: 'Leave a message after the tone.',
    voicemailQueueId: billing,
    holdMessage: 'Please hold.',
    holdMusicUrl: null,
    callbackKey: '*',
    rootMenuId: 'main',
    menus: [
      {
        id: 'main',
        prompt: 'For sales press 1. To leave a message press 2. To be called back press 3.',
        options: [
          { key: '1', words: ['sales'], label: 'Sales', action: { type: 'queue', queueId: sales } },
          { key: '2', words: [], label: 'Message', action: { type: 'voicemail', queueId: null } },
          { key: '3', words: [], label: 'Callback', action: { type: 'callback', queueId: sales } },
        ],
      },
    ],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(
      testEnv(db.url, {
        TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'a-test-auth-token-of-32-chars-xx',
        TWILIO_SMS_FROM: COMPANY,
      }),
    );
    sales = await aQueue(db.sql, { name: 'Sales', entryForChannels: ['voice'] });
    billing = await aQueue(db.sql, { name: 'Billing' });
    const a = await aUser(db.sql, 'admin');
    const admin = await new TestClient(server.url).signIn(a.email, a.password);
    expect((await admin.put('/api/admin/ivr', ivr())).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** An anonymous call comes in and is answered with the menu; returns its params and the call's id. */
  async function anonymousCall(from = 'anonymous') {
    const params = incomingCallParams(from, COMPANY);
    const menu = await twiml('/webhooks/twilio/voice', params);
    expect(menu.Say[0].text).toBe('Welcome to Acme.');
    const action = menu.Gather[0].action as string;
    return { params, action, callId: new URL(action).searchParams.get('callId')! };
  }

  /** The customer a call's ticket is filed under, with its phone and email identities. */
  async function customerOfCall(callId: string) {
    const [row] = await db.sql`
      select cu.id, cu.name, c.from_number, t.channel, t.subject,
        (select count(*)::int from customer_identities i where i.customer_id = cu.id) as identities
      from calls c join tickets t on t.id = c.ticket_id join customers cu on cu.id = t.customer_id
      where c.id = ${callId}`;
    return row;
  }

  it('gets the menu, and choosing the queue enqueues them (not a 400) on a voice ticket of a customer named "Withheld number" with no phone', async () => {
    const { params, action, callId } = await anonymousCall();
    const queued = await twiml(pathOf(action), { ...params, Digits: '1' });
    expect(queued.Enqueue[0].text).toBe(sales);
    expect(await customerOfCall(callId)).toMatchObject({
      name: 'Withheld number',
      identities: 0,
      fromNumber: 'anonymous',
      channel: 'voice',
      subject: 'Call from a withheld number',
    });
    // Nothing to reply to: the message keeps no "from" address that a reply could be sent to.
    expect(await db.sql`select from_address from messages where provider_id = ${params.CallSid}`).toEqual([
      { fromAddress: null },
    ]);
  });

  it('two anonymous callers are two customers, whatever form the withheld caller ID takes', async () => {
    const first = await anonymousCall('Anonymous');
    await twiml(pathOf(first.action), { ...first.params, Digits: '1' });
    const second = await anonymousCall('+266696687');
    await twiml(pathOf(second.action), { ...second.params, Digits: '1' });
    const [a, b] = [await customerOfCall(first.callId), await customerOfCall(second.callId)];
    expect(a.name).toBe('Withheld number');
    expect(b.name).toBe('Withheld number');
    expect(a.id).not.toBe(b.id);
    expect(b.identities).toBe(0);
  });

  it('pops on the agent’s screen as "Withheld number" when offered', async () => {
    await db.sql`update tickets set status = 'resolved' where status <> 'resolved'`;
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const socket = await connectSocket(server.url, client.cookie);
    try {
      expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
      const { params, action, callId } = await anonymousCall('Restricted');
      const offered = nextEvent<any>(socket, 'offer.created', (p) => p.ticket.channel === 'voice');
      await twiml(pathOf(action), { ...params, Digits: '1' });
      const pop = await offered;
      expect(pop.ticket.id).toBe((await db.sql`select ticket_id from calls where id = ${callId}`)[0].ticketId);
      expect(pop.customer).toMatchObject({ name: 'Withheld number', identities: [] });
      expect(pop.message.from).toBeNull();
    } finally {
      await client.put('/api/me/presence', { presence: 'away' });
      socket.close();
    }
  });

  it('can leave a voicemail, stored as a message on a voice ticket of a withheld-number customer', async () => {
    const { params, action, callId } = await anonymousCall();
    const vm = await twiml(pathOf(action), { ...params, Digits: '2' });
    const recordingSid = `RE${'a'.repeat(32)}`;
    const bye = await twiml(pathOf(vm.Record[0].action), {
      ...params,
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${recordingSid}`,
      RecordingDuration: '7',
    });
    expect(bye.Say[0].text).toMatch(/Thank you for your message/);
    const [message] = await db.sql`
      select m.body_text, t.channel, cu.name, (select count(*)::int from customer_identities i where i.customer_id = cu.id) as identities
      from messages m join tickets t on t.id = m.ticket_id join customers cu on cu.id = t.customer_id
      where m.provider_id = ${recordingSid}`;
    expect(message).toMatchObject({
      bodyText: expect.stringMatching(/^Voicemail/),
      channel: 'voice',
      name: 'Withheld number',
      identities: 0,
    });
    expect((await db.sql`select voicemail from calls where id = ${callId}`)[0].voicemail).toBe(true);
  });

  it('asked for a callback, is asked to key in a number (none to confirm), and the number keyed in is called back', async () => {
    const { params, action, callId } = await anonymousCall();
    const ask = await twiml(pathOf(action), { ...params, Digits: '3' });
    const prompt = ask.Gather[0].Say[0].text as string;
    expect(prompt).toMatch(/number is withheld/);
    expect(prompt).toMatch(/enter the number/);
    expect(prompt).not.toMatch(/press 1/);
    const bye = await twiml(pathOf(ask.Gather[0].action), { ...params, Digits: '14155550123' });
    expect(bye.Say[0].text).toMatch(/call you back at 1 4 1 5 5 5 5 0 1 2 3/);
    const [cb] =
      await db.sql`select cb.phone_number, cu.name from callbacks cb join customers cu on cu.id = cb.customer_id where cb.origin_call_id = ${callId}`;
    expect(cb).toEqual({ phoneNumber: '+14155550123', name: 'Withheld number' });
  });

  it('who leaves the queue for a callback but hangs up before keying a number is abandoned, not left held back forever', async () => {
    const { params, action, callId } = await anonymousCall();
    await twiml(pathOf(action), { ...params, Digits: '1' });
    await twiml(`/webhooks/twilio/voice/wait-choice?callId=${callId}`, { ...params, Digits: '*' });
    const ask = await twiml(`/webhooks/twilio/voice/queue-result?callId=${callId}`, {
      ...params,
      QueueResult: 'leave',
      QueueTime: '12',
    });
    expect(ask.Gather[0].Say[0].text).toMatch(/number is withheld/);
    expect((await post('/webhooks/twilio/voice/status', { ...params, CallStatus: 'completed' })).status).toBe(204);
    const [call] =
      await db.sql`select c.abandoned, c.callback_id, t.status, t.routable_after from calls c join tickets t on t.id = c.ticket_id where c.id = ${callId}`;
    expect(call).toEqual({ abandoned: true, callbackId: null, status: 'resolved', routableAfter: null });
  });
});

describe('a withheld caller, through the phone simulator', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sim = () => server.ctx.voice.simulator!;
  const said = (call: CallSnapshot) =>
    call.transcript
      .filter((e) => e.kind === 'say')
      .map((e) => e.text)
      .join(' | ');

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05' }));
    await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('queues, presses the callback key, is asked to key in a number, and is called back on the number keyed in', async () => {
    const sid = sim().placeCall({ from: 'anonymous', to: server.ctx.voice.companyNumber });
    await sim().waitFor(sid, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(sid, '1');
    await sim().waitFor(sid, (c) => c.queue !== null && c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(sid, '*');
    const asked = await sim().waitFor(
      sid,
      (c) => /number is withheld/.test(said(c)) && c.awaiting?.kind === 'gather',
      10_000,
    );
    expect(said(asked)).not.toMatch(/We will call you back at/);
    sim().pressDigits(sid, '14155550199#');
    await sim().waitFor(sid, (c) => c.status === 'completed', 10_000);
    const [cb] = await db.sql`
      select cb.phone_number, cu.name, c.from_number from callbacks cb join calls c on c.id = cb.origin_call_id join customers cu on cu.id = cb.customer_id
      where c.call_sid = ${sid}`;
    expect(cb).toEqual({ phoneNumber: '+14155550199', name: 'Withheld number', fromNumber: 'anonymous' });
    const call = await waitFor(
      async () => (await db.sql`select abandoned, callback_requested from calls where call_sid = ${sid}`)[0],
      (c) => c.callbackRequested,
    );
    expect(call).toEqual({ abandoned: false, callbackRequested: true });
  });
});
