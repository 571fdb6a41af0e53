import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IvrSettings } from '../../server/voice/ivrSettings';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let sales: string;
let billing: string;
const COMPANY = '+15005550006';

const post = (path: string, params: Record<string, string>, signature?: string | null) =>
  postTwilioWebhook(server.url, path, params, {
    authToken: server.ctx.voice.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
    signature,
  });

async function twiml(path: string, params: Record<string, string>) {
  const res = await post(path, params);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/xml/);
  return parseTwiml(text);
}

function ivr(overrides: Partial<IvrSettings> = {}): IvrSettings {
  return {
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
        prompt: 'For sales press 1. For billing press 2. To be called back press 3.',
        options: [
          { key: '1', words: ['sales'], label: 'Sales', action: { type: 'queue', queueId: sales } },
          { key: '2', words: ['billing'], label: 'Billing', action: { type: 'submenu', menuId: 'billing' } },
          { key: '3', words: [], label: 'Callback', action: { type: 'callback', queueId: sales } },
        ],
      },
      {
        id: 'billing',
        prompt: 'For an invoice press 1. To leave a message press 2.',
        options: [
          { key: '1', words: ['invoice'], label: 'Invoices', action: { type: 'queue', queueId: billing } },
          { key: '2', words: [], label: 'Message', action: { type: 'voicemail', queueId: null } },
          { key: '9', words: [], label: 'Back', action: { type: 'submenu', menuId: 'main' } },
        ],
      },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Real Twilio credentials shape: these tests post the webhooks themselves and need no simulator.
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
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  expect((await admin.put('/api/admin/ivr', ivr())).status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** A call comes in; returns its TwiML and the call's id from the menu action. */
async function callIn(from = aPhone()) {
  const params = incomingCallParams(from, COMPANY);
  const doc = await twiml('/webhooks/twilio/voice', params);
  const action = doc.Gather[0].action as string;
  return { params, doc, action, callId: new URL(action).searchParams.get('callId')! };
}

describe('an incoming call', () => {
  it('with Twilio credentials configured, goes to Twilio: the phone simulator is off', async () => {
    expect((await admin.get('/api/simulator')).body.voice).toEqual({ enabled: false, companyNumber: COMPANY });
  });

  it('is answered with the greeting and the main menu (keys and speech), and recorded once per CallSid', async () => {
    const { params, doc, action } = await callIn();
    expect(doc.Say[0].text).toBe('Welcome to Acme.');
    expect(doc.Gather[0]).toMatchObject({ input: 'dtmf speech', numDigits: '1', hints: 'sales, billing' });
    expect(doc.Gather[0].Say[0].text).toMatch(/For sales press 1/);
    expect(pathOf(action)).toMatch(
      /^\/webhooks\/twilio\/voice\/menu\?callId=[0-9a-f-]{36}&menu=main&attempt=0&step=0$/,
    );
    await twiml('/webhooks/twilio/voice', params);
    expect(await db.sql`select direction, from_number, status from calls where call_sid = ${params.CallSid}`).toEqual([
      { direction: 'inbound', fromNumber: params.From, status: 'ringing' },
    ]);
  });

  it('with a forged, missing or tampered signature is refused with 403 and nothing is stored', async () => {
    const params = incomingCallParams(aPhone(), COMPANY);
    expect((await post('/webhooks/twilio/voice', params, 'forged')).status).toBe(403);
    expect((await post('/webhooks/twilio/voice', params, null)).status).toBe(403);
    const signed = twilio.getExpectedTwilioSignature(
      server.ctx.voice.authToken,
      server.ctx.config.PUBLIC_URL + '/webhooks/twilio/voice',
      params,
    );
    expect((await post('/webhooks/twilio/voice', { ...params, From: '+14155550199' }, signed)).status).toBe(403);
    expect(await db.sql`select 1 from calls where call_sid = ${params.CallSid}`).toHaveLength(0);
  });

  it('without a CallSid is a 400 that says so', async () => {
    const { CallSid: _gone, ...params } = incomingCallParams(aPhone(), COMPANY);
    const res = await post('/webhooks/twilio/voice', params);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CallSid is required/);
  });
});

describe('the IVR menu', () => {
  it('key 1 puts the caller in the Sales queue: a voice ticket waits there and TwiML enqueues with a wait URL', async () => {
    const { params, action, callId } = await callIn();
    const doc = await twiml(pathOf(action), { ...params, Digits: '1' });
    expect(doc.Enqueue[0].text).toBe(sales);
    expect(pathOf(doc.Enqueue[0].waitUrl)).toBe(`/webhooks/twilio/voice/wait?callId=${callId}`);
    expect(pathOf(doc.Enqueue[0].action)).toBe(`/webhooks/twilio/voice/queue-result?callId=${callId}`);
    const [call] =
      await db.sql`select c.queue_id, c.ivr_path, t.channel, t.queue_id as ticket_queue from calls c join tickets t on t.id = c.ticket_id where c.id = ${callId}`;
    expect(call).toMatchObject({ queueId: sales, ivrPath: ['main:1 Sales'], channel: 'voice', ticketQueue: sales });
  });

  it('a spoken word chooses like a key', async () => {
    const { params, action } = await callIn();
    const doc = await twiml(pathOf(action), { ...params, SpeechResult: 'Sales please', Confidence: '0.9' });
    expect(doc.Enqueue[0].text).toBe(sales);
  });

  it('key 2 opens the billing submenu, whose key 2 takes a transcribed voicemail for the voicemail queue', async () => {
    const { params, action, callId } = await callIn();
    const sub = await twiml(pathOf(action), { ...params, Digits: '2' });
    expect(sub.Gather[0].Say[0].text).toMatch(/For an invoice/);
    expect(pathOf(sub.Gather[0].action)).toContain('menu=billing');
    const vm = await twiml(pathOf(sub.Gather[0].action), { ...params, Digits: '2' });
    expect(vm.Say[0].text).toBe('Leave a message after the tone.');
    expect(vm.Record[0]).toMatchObject({ transcribe: 'true', finishOnKey: '#' });
    expect(pathOf(vm.Record[0].action)).toBe(`/webhooks/twilio/voice/voicemail?callId=${callId}&queueId=${billing}`);
    expect(pathOf(vm.Record[0].transcribeCallback)).toBe(`/webhooks/twilio/voice/transcription?callId=${callId}`);
  });

  it('key 3 asks to confirm the number for a callback', async () => {
    const { params, action, callId } = await callIn();
    const doc = await twiml(pathOf(action), { ...params, Digits: '3' });
    expect(doc.Gather[0]).toMatchObject({ finishOnKey: '#' });
    expect(pathOf(doc.Gather[0].action)).toBe(
      `/webhooks/twilio/voice/callback-number?callId=${callId}&queueId=${sales}&attempt=0`,
    );
  });

  it('a wrong key is told so and asked again; after three misses the first option is taken', async () => {
    const { params, action } = await callIn();
    const again = await twiml(pathOf(action), { ...params, Digits: '9' });
    expect(again.Say[0].text).toMatch(/not one of the choices/);
    expect(pathOf(again.Gather[0].action)).toContain('attempt=1');
    const third = await twiml(pathOf(again.Gather[0].action), { ...params });
    expect(third.Say[0].text).toMatch(/did not get that/);
    const last = await twiml(pathOf(third.Gather[0].action), { ...params, Digits: '#' });
    expect(last.Enqueue[0].text).toBe(sales);
  });

  it('each step is recorded once however often Twilio delivers its webhook, and a second pass through a menu is a step of its own', async () => {
    const { params, action, callId } = await callIn();
    // Twilio retries a webhook it got no answer to in time; the retries may overlap the first delivery.
    const deliver = async (path: string, digit: string, times: number) => {
      const docs = await Promise.all(
        Array.from({ length: times }, () => twiml(pathOf(path), { ...params, Digits: digit })),
      );
      for (const doc of docs) expect(doc).toEqual(docs[0]);
      return docs[0];
    };
    const billingMenu = await deliver(action, '2', 5);
    const mainAgain = await deliver(billingMenu.Gather[0].action, '9', 3);
    expect(mainAgain.Gather[0].Say[0].text).toMatch(/For sales press 1/);
    const billingAgain = await deliver(mainAgain.Gather[0].action, '2', 4);
    const voicemail = await deliver(billingAgain.Gather[0].action, '2', 3);
    expect(voicemail.Record).toHaveLength(1);
    // A retry of an answer given earlier in the call, arriving late, changes nothing either.
    await twiml(pathOf(action), { ...params, Digits: '2' });

    const [call] = await db.sql<{ ivrPath: string[] }[]>`select ivr_path from calls where id = ${callId}`;
    expect(call.ivrPath).toEqual(['main:2 Billing', 'billing:9 Back', 'main:2 Billing', 'billing:2 Message']);
  });
});

describe('the IVR settings', () => {
  it('refuse a menu pointing at a missing submenu or a duplicate key, naming the field, and keep the old menu', async () => {
    const bad = ivr();
    bad.menus[0].options.push({ key: '1', words: [], label: 'Again', action: { type: 'submenu', menuId: 'nowhere' } });
    const res = await admin.put('/api/admin/ivr', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/key 1 is used twice/);
    expect(res.body.error.message).toMatch(/no menu "nowhere"/);
    expect((await admin.get('/api/admin/ivr')).body.ivr.menus[0].options).toHaveLength(3);
  });

  it('are for admins only', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await client.put('/api/admin/ivr', ivr())).status).toBe(403);
  });
});

describe('business hours', () => {
  it('out of hours, the caller hears the closed message and can leave a voicemail; in hours, the menu', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const created = await admin.post('/api/admin/business-hours', {
      name: 'Closed today',
      timezone: 'UTC',
      intervals: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' })),
      holidays: [{ day: today, name: 'Holiday' }],
    });
    expect(created.status).toBe(201);
    const hoursId = created.body.id ?? created.body.businessHours?.id;
    expect((await admin.put('/api/admin/ivr', ivr({ businessHoursId: hoursId }))).status).toBe(200);
    try {
      const doc = await twiml('/webhooks/twilio/voice', incomingCallParams(aPhone(), COMPANY));
      expect(doc.Say[0].text).toBe('Acme is closed.');
      expect(doc.Record).toHaveLength(1);
      expect(doc.Gather).toBeUndefined();
    } finally {
      expect((await admin.put('/api/admin/ivr', ivr())).status).toBe(200);
    }
    const open = await twiml('/webhooks/twilio/voice', incomingCallParams(aPhone(), COMPANY));
    expect(open.Gather).toHaveLength(1);
  });
});

describe('waiting in the queue', () => {
  it('announces each caller’s place in line among the callers (not the mail waiting in the queue) and offers a callback key', async () => {
    // An email that has waited longer in the same queue: agents take calls on their voice capacity, so callers are not behind it.
    const mail = await aTicket(db.sql, { customerId: await aCustomer(db.sql), queueId: billing, channel: 'email' });
    await db.sql`update tickets set queued_at = now() - interval '1 hour' where id = ${mail}`;
    const first = await callIn();
    await twiml(pathOf(first.action), { ...first.params, Digits: '2' }).then((sub) =>
      twiml(pathOf(sub.Gather[0].action), { ...first.params, Digits: '1' }),
    );
    const second = await callIn();
    await twiml(pathOf(second.action), { ...second.params, Digits: '2' }).then((sub) =>
      twiml(pathOf(sub.Gather[0].action), { ...second.params, Digits: '1' }),
    );
    const wait = await twiml(`/webhooks/twilio/voice/wait?callId=${second.callId}`, {
      ...second.params,
      QueuePosition: '2',
      QueueTime: '5',
    });
    expect(wait.Say[0].text).toMatch(/number 2 in line/);
    expect(wait.Gather[0].Say[0].text).toMatch(/press star/);
    const firstWait = await twiml(`/webhooks/twilio/voice/wait?callId=${first.callId}`, { ...first.params });
    expect(firstWait.Say[0].text).toMatch(/next in line/);
  });
});

describe('status callbacks', () => {
  it('tolerate duplicates and any order: a late "ringing" never undoes "completed"', async () => {
    const { params } = await callIn();
    const status = (s: string, extra: Record<string, string> = {}) =>
      post('/webhooks/twilio/voice/status', { ...params, CallStatus: s, ...extra });
    expect((await status('completed', { CallDuration: '12' })).status).toBe(204);
    expect((await status('completed', { CallDuration: '12' })).status).toBe(204);
    expect((await status('ringing')).status).toBe(204);
    expect((await status('in-progress')).status).toBe(204);
    const [call] = await db.sql`select status, ended_at from calls where call_sid = ${params.CallSid}`;
    expect(call.status).toBe('completed');
    expect(call.endedAt).not.toBeNull();
  });

  it('a queued caller who hangs up before an agent answers is counted abandoned and their ticket leaves the queue', async () => {
    const { params, action, callId } = await callIn();
    await twiml(pathOf(action), { ...params, Digits: '1' });
    await twiml(`/webhooks/twilio/voice/queue-result?callId=${callId}`, {
      ...params,
      QueueResult: 'hangup',
      QueueTime: '40',
    });
    expect((await post('/webhooks/twilio/voice/status', { ...params, CallStatus: 'completed' })).status).toBe(204);
    const [call] =
      await db.sql`select c.abandoned, c.wait_seconds, t.status from calls c join tickets t on t.id = c.ticket_id where c.id = ${callId}`;
    expect(call).toMatchObject({ abandoned: true, waitSeconds: 40, status: 'resolved' });
  });
});
