import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioSmsSender } from '../../channels/sms/twilioSmsSender';
import { reconcileOutbound } from '../../server/outbound/reconcileOutbound';
import { sendJobId } from '../../server/outbound/sendMessageTask';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { untilJobsFinished } from '../support/jobs';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const COMPANY = '+15005550006';
const sign = () => ({ authToken: server.ctx.sms.authToken, publicUrl: server.ctx.config.PUBLIC_URL });
const receive = (
  params: Record<string, string>,
  signing: Partial<ReturnType<typeof sign>> & { signature?: string | null } = {},
) => postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, { ...sign(), ...signing });

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
// Each test gets the real simulated sender back, whatever the previous one plugged in.
const realSender = () => server.ctx.sms.sender;
beforeEach(() => {
  server.ctx.channelSenders.sms = realSender();
});

const messagesFrom = (phone: string) =>
  db.sql`select body_text, provider_id, metadata from messages where from_address = ${phone}`;

describe('the SMS webhook', () => {
  it('when Twilio posts a signed SMS with media, then it answers empty TwiML and stores it with every parameter and the media references', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'Photo of the damage attached', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/SM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
    });
    const res = await receive(params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const [message] = await messagesFrom(phone);
    expect(message).toMatchObject({ bodyText: 'Photo of the damage attached', providerId: params.MessageSid });
    expect(message.metadata.twilio).toMatchObject({ FromCity: 'SAN FRANCISCO', ToCountry: 'US' });
    expect(
      await db.sql`select a.location, a.content_type from message_attachments a join messages m on m.id = a.message_id where m.provider_id = ${params.MessageSid}`,
    ).toEqual([{ location: params.MediaUrl0, contentType: 'image/jpeg' }]);
  });

  it('when the signature is forged, missing, or made for another URL, then it answers 403 and stores nothing', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'let me in');
    expect((await receive(params, { authToken: 'not-the-real-auth-token-at-all' })).status).toBe(403);
    expect((await receive(params, { signature: null })).status).toBe(403);
    expect((await receive(params, { publicUrl: 'https://attacker.example' })).status).toBe(403);
    expect(
      (
        await receive(
          { ...params, Body: 'tampered after signing' },
          {
            signature: twilio.getExpectedTwilioSignature(
              sign().authToken,
              sign().publicUrl + '/webhooks/twilio/sms',
              params,
            ),
          },
        )
      ).status,
    ).toBe(403);
    expect(await messagesFrom(phone)).toHaveLength(0);
    expect(await db.sql`select 1 from customer_identities where value = ${phone}`).toHaveLength(0);
  });

  it('when Twilio retries one MessageSid 20 times at once, then one message is stored', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'retried');
    const answers = await Promise.all(Array.from({ length: 20 }, () => receive(params)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(await messagesFrom(phone)).toHaveLength(1);
  });

  it('when a text comes from a short code or a sender ID, then it is kept on a customer of its own, once however often Twilio retries, and its STOP opts nobody out', async () => {
    for (const sender of ['MYBANK', '376']) {
      const params = incomingSmsParams(sender, COMPANY, 'STOP');
      const answers = await Promise.all([receive(params), receive(params)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const stored = await db.sql<{ fromAddress: string | null; name: string; status: string }[]>`
        select m.from_address, c.name, t.status from messages m
        join tickets t on t.id = m.ticket_id join customers c on c.id = t.customer_id
        where m.provider_id = ${params.MessageSid}`;
      expect(stored).toEqual([{ fromAddress: null, name: `Unrecognised number ${sender}`, status: 'new' }]);
      expect(await db.sql`select 1 from sms_keyword_events where message_sid = ${params.MessageSid}`).toHaveLength(0);
    }
  });

  it('when a signed webhook lacks MessageSid, then it answers 400 saying so and stores nothing', async () => {
    const phone = aPhone();
    const { MessageSid: _dropped, ...params } = incomingSmsParams(phone, COMPANY, 'no sid');
    const res = await receive(params);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('MessageSid is missing');
    expect(await messagesFrom(phone)).toHaveLength(0);
  });
});

describe('opt-out', () => {
  const optedOut = async (phone: string) =>
    (await db.sql`select sms_opted_out_at from customer_identities where value = ${phone}`)[0]?.smsOptedOutAt ?? null;

  it.each(['STOP', 'UNSUBSCRIBE', 'END', 'QUIT', 'CANCEL', 'OPTOUT', 'STOPALL', 'REVOKE'])(
    'when a number texts %s, then it is opted out without paging an agent',
    async (word) => {
      const phone = aPhone();
      await receive(incomingSmsParams(phone, COMPANY, word.toLowerCase()));
      expect(await optedOut(phone)).toBeInstanceOf(Date);
      const [ticket] =
        await db.sql`select t.status, t.queue_id from tickets t join messages m on m.ticket_id = t.id where m.from_address = ${phone}`;
      expect(ticket).toEqual({ status: 'resolved', queueId: null });
    },
  );

  it.each(['START', 'YES', 'UNSTOP'])('when an opted-out number texts %s, then it is opted back in', async (word) => {
    const phone = aPhone();
    await receive(incomingSmsParams(phone, COMPANY, 'STOP'));
    await receive(incomingSmsParams(phone, COMPANY, word));
    expect(await optedOut(phone)).toBeNull();
  });

  it('when a number texts STOP, then consoles showing the customer are told to re-read them', async () => {
    const phone = aPhone();
    await receive(incomingSmsParams(phone, COMPANY, 'Question about my bill'));
    const [{ customerId }] = await db.sql`select customer_id from customer_identities where value = ${phone}`;
    const admin = await aUser(db.sql, 'admin');
    const client = await new TestClient(server.url).signIn(admin.email, admin.password);
    const socket = await connectSocket(server.url, client.cookie);
    try {
      const told = nextEvent<{ customerId: string }>(socket, 'customer.changed', (e) => e.customerId === customerId);
      await receive(incomingSmsParams(phone, COMPANY, 'STOP'));
      await told;
      expect((await client.get(`/api/customers/${customerId}`)).body.customer.identities[0].smsOptedOutAt).toEqual(
        expect.any(String),
      );
    } finally {
      socket.close();
    }
  });

  it('when a number texts HELP, then the request is recorded', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'help');
    await receive(params);
    await receive(params);
    expect(await db.sql`select keyword from sms_keyword_events where phone = ${phone}`).toEqual([{ keyword: 'help' }]);
  });

  it('when an agent replies to an opted-out number, then it is refused saying why, and nothing is queued', async () => {
    const phone = aPhone();
    await receive(incomingSmsParams(phone, COMPANY, 'My bill is wrong'));
    const [{ ticketId }] = await db.sql`select ticket_id from messages where from_address = ${phone}`;
    await receive(incomingSmsParams(phone, COMPANY, 'STOP'));
    const admin = await aUser(db.sql, 'admin');
    const client = await new TestClient(server.url).signIn(admin.email, admin.password);
    const customer = (await client.get(`/api/tickets/${ticketId}`)).body.customer;
    expect(customer.identities[0].smsOptedOutAt).toEqual(expect.any(String));
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Sorry to hear that' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('opted_out');
    expect(res.body.error.message).toMatch(/texted STOP/);
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toHaveLength(
      0,
    );
  });
});

describe('replies through Twilio’s REST API (the local fake, via the client’s httpClient)', () => {
  /** A ticket with one inbound SMS, and an admin client who may reply on it. */
  async function aConversation(phone = aPhone()) {
    await receive(incomingSmsParams(phone, COMPANY, 'Hello?'));
    const [{ ticketId }] = await db.sql`select ticket_id from messages where from_address = ${phone}`;
    const admin = await aUser(db.sql, 'admin');
    const client = await new TestClient(server.url).signIn(admin.email, admin.password);
    return { phone, ticketId, client };
  }
  const statusOf = async (id: string) =>
    (await db.sql`select status, error_code, provider_id from messages where id = ${id}`)[0];
  /** Twilio's REST client with a hand on the wire: `intercept` decides per request whether the fake sees it. */
  function plugInSender(intercept: (request: () => Promise<unknown>, count: number) => Promise<unknown>) {
    let count = 0;
    const fake = server.ctx.sms.simulator!;
    const client = twilio(`AC${'0'.repeat(32)}`, server.ctx.sms.authToken, {
      httpClient: { request: (opts: never) => intercept(() => fake.request(opts), ++count) } as never,
    });
    server.ctx.channelSenders.sms = createTwilioSmsSender({
      client,
      defaultFrom: COMPANY,
      statusCallbackUrl: (id, round) =>
        `${server.ctx.config.PUBLIC_URL}/webhooks/twilio/sms/status?messageId=${id}&round=${round}`,
    });
    return () => count;
  }

  it('when an agent replies, then it is sent once with a status callback, and sent and delivered show on the message', async () => {
    const { phone, ticketId, client } = await aConversation();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'We are on it.' });
    const done = await waitFor(
      () => statusOf(res.body.message.id),
      (m) => m.status === 'delivered',
    );
    expect(done.status).toBe('delivered');
    expect(
      await db.sql`select body, status_callback from simulator_messages where phone = ${phone} and direction = 'to_phone'`,
    ).toEqual([
      {
        body: 'We are on it.',
        statusCallback: `${server.ctx.config.PUBLIC_URL}/webhooks/twilio/sms/status?messageId=${res.body.message.id}&round=0`,
      },
    ]);
  });

  it('when Twilio answers 500 first, then the send is retried with backoff and delivered exactly once', async () => {
    const creates = plugInSender(async (request, n) =>
      n === 1
        ? {
            statusCode: 500,
            body: JSON.stringify({ code: 20500, message: 'Internal Server Error', status: 500 }),
            headers: {},
          }
        : request(),
    );
    const { phone, ticketId, client } = await aConversation();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Second time lucky.' });
    const done = await waitFor(
      () => statusOf(res.body.message.id),
      (m) => m.status === 'delivered',
    );
    expect(done.status).toBe('delivered');
    expect(creates()).toBe(2);
    expect(
      await db.sql`select 1 from simulator_messages where phone = ${phone} and direction = 'to_phone'`,
    ).toHaveLength(1);
  });

  it('when Twilio refuses with 21610 (opted out), then there is no retry, the agent sees why, and the number is marked opted out', async () => {
    const creates = plugInSender((request) => request());
    const { phone, ticketId, client } = await aConversation('+15005550004');
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Are you there?' });
    const failed = await waitFor(
      () => statusOf(res.body.message.id),
      (m) => m.status === 'failed',
    );
    expect(failed).toMatchObject({ status: 'failed', errorCode: '21610' });
    // The job gave up for good: no retry is waiting.
    expect(await untilJobsFinished(server.ctx.queues.messaging, [sendJobId(res.body.message.id, 0)])).toEqual([
      'failed',
    ]);
    expect(creates()).toBe(1);
    const shown = (await client.get(`/api/tickets/${ticketId}`)).body.messages.at(-1);
    expect(shown.errorMessage).toMatch(/unsubscribed recipient/);
    expect(
      (await db.sql`select sms_opted_out_at from customer_identities where value = ${phone}`)[0].smsOptedOutAt,
    ).toBeInstanceOf(Date);
  });

  it('when the connection drops right after Twilio accepted, then the message is not sent again and its status callback completes it', async () => {
    plugInSender(async (request, n) => {
      const answer = await request();
      if (n === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return answer;
    });
    const { phone, ticketId, client } = await aConversation();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Only once, please.' });
    const done = await waitFor(
      () => statusOf(res.body.message.id),
      (m) => m.status === 'delivered',
    );
    expect(done.status).toBe('delivered');
    expect(done.providerId).toMatch(/^SM/);
    expect(
      await db.sql`select 1 from simulator_messages where phone = ${phone} and direction = 'to_phone'`,
    ).toHaveLength(1);
  });

  it('when status callbacks arrive out of order or twice, then the message keeps its furthest status', async () => {
    const { ticketId, client } = await aConversation();
    server.ctx.channelSenders.sms = {
      send: async () => ({ providerId: 'SMorder0000000000000000000000000001', transport: 'twilio' }),
    };
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'order test' });
    await waitFor(
      () => statusOf(res.body.message.id),
      (m) => m.status === 'sent',
    );
    const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
      postTwilioWebhook(
        server.url,
        '/webhooks/twilio/sms/status',
        {
          MessageSid: 'SMorder0000000000000000000000000001',
          MessageStatus,
          AccountSid: `AC${'0'.repeat(32)}`,
          ...extra,
        },
        sign(),
      );
    expect((await status('delivered')).status).toBe(204);
    await status('sent');
    await status('queued');
    await status('delivered');
    expect((await statusOf(res.body.message.id)).status).toBe('delivered');
    const forged = await postTwilioWebhook(
      server.url,
      '/webhooks/twilio/sms/status',
      { MessageSid: 'SMorder0000000000000000000000000001', MessageStatus: 'failed' },
      { ...sign(), authToken: 'forged-token-forged-token' },
    );
    expect(forged.status).toBe(403);
    expect((await statusOf(res.body.message.id)).status).toBe('delivered');
  });

  it('when a send’s outcome stayed unknown, then the reconciler adopts the message Twilio has, or sends it again if Twilio has none', async () => {
    const { phone, ticketId } = await aConversation();
    const unconfirmed = async (text: string) =>
      (
        await db.sql<{ id: string }[]>`
        insert into messages (ticket_id, channel, direction, status, from_address, to_address, body_text)
        values (${ticketId}, 'sms', 'outbound', 'sending', ${COMPANY}, ${phone}, ${text}) returning id`
      )[0].id;
    // Twilio took this one, but neither its answer nor a status callback ever reached us.
    const taken = await server.ctx.sms.client.messages.create({ to: phone, from: COMPANY, body: 'Taken by Twilio' });
    const adopted = await unconfirmed('Taken by Twilio');
    // No stale bound or grace period to wait out here: the rows were made `sending` by hand.
    const settleNow = () => reconcileOutbound(server.ctx, { staleAfterMs: 0, graceMs: 0 });
    await settleNow();
    expect(await statusOf(adopted)).toMatchObject({
      status: expect.stringMatching(/^(sent|delivered)$/),
      providerId: taken.sid,
    });

    const lost = await unconfirmed('Never reached Twilio');
    await settleNow();
    const resent = await waitFor(
      () => statusOf(lost),
      (m) => m.status === 'delivered',
    );
    expect(resent.status).toBe('delivered');
    expect(
      (
        await db.sql`select body from simulator_messages where phone = ${phone} and direction = 'to_phone' order by id`
      ).map((r) => r.body),
    ).toEqual(['Taken by Twilio', 'Never reached Twilio']);
  });
});
