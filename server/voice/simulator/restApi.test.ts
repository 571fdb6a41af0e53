import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from './fakeTwilioVoice';
import { ACCOUNT_SID, clientFor, COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

const CUSTOMER = '+14155550130';
let app: TwimlApp;
let fake: FakeTwilioVoice;
let client: ReturnType<typeof clientFor>;

beforeEach(async () => {
  app = await startTwimlApp();
  fake = fakeFor(app);
  client = clientFor(fake);
  app.on('/outbound', () => {
    const r = twiml();
    r.say('Hello, this is your callback');
    r.pause({ length: 600 });
    return r.toString();
  });
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

const allEvents = ['initiated', 'ringing', 'answered', 'completed'];

async function restError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(twilio.RestException);
  return error as InstanceType<typeof twilio.RestException>;
}

describe('calls through the REST API', () => {
  it('when a call is created to a number that answers, then it runs its Url and reports initiated, ringing, answered and completed in order', async () => {
    const created = await client.calls.create({
      to: CUSTOMER,
      from: COMPANY,
      url: app.url('/outbound'),
      statusCallback: app.url('/call-status'),
      statusCallbackEvent: allEvents,
      statusCallbackMethod: 'POST',
    });
    expect(created).toMatchObject({
      status: 'queued',
      direction: 'outbound-api',
      to: CUSTOMER,
      from: COMPANY,
      accountSid: ACCOUNT_SID,
    });
    expect(created.sid).toMatch(/^CA[0-9a-f]{32}$/);

    const document = await app.waitForRequest('/outbound');
    expect(document.params).toMatchObject({
      CallSid: created.sid,
      Direction: 'outbound-api',
      CallStatus: 'in-progress',
      From: COMPANY,
      To: CUSTOMER,
    });
    await fake.waitFor(created.sid, (s) => s.transcript.some((e) => e.text === 'Hello, this is your callback'));
    const live = await client.calls(created.sid).fetch();
    expect(live.status).toBe('in-progress');
    expect(live.startTime).toBeInstanceOf(Date);

    const ended = await client.calls(created.sid).update({ status: 'completed' });
    expect(ended.status).toBe('completed');
    const completed = await app.waitForRequest('/call-status', (r) => r.params.CallStatus === 'completed');
    const callbacks = app.requestsTo('/call-status');
    expect(callbacks.map((r) => r.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(callbacks.map((r) => r.params.SequenceNumber)).toEqual(['0', '1', '2', '3']);
    expect(
      callbacks.every(
        (r) =>
          r.params.CallbackSource === 'call-progress-events' && r.params.Timestamp && r.params.CallSid === created.sid,
      ),
    ).toBe(true);
    expect(completed.params.CallDuration).toMatch(/^\d+$/);
    expect(completed.params.Duration).toMatch(/^\d+$/);
    expect(callbacks[0].at).toBeGreaterThanOrEqual(document.at - 1000);

    const fetched = await client.calls(created.sid).fetch();
    expect(fetched).toMatchObject({ status: 'completed', duration: completed.params.CallDuration });
    expect(fetched.endTime).toBeInstanceOf(Date);
    expect((await client.calls.list({ status: 'completed', to: CUSTOMER })).map((c) => c.sid)).toEqual([created.sid]);
    expect(await client.calls.list({ status: 'in-progress' })).toEqual([]);
  });

  it('when the callee is busy or never answers, then the call ends so and says so in its completed callback', async () => {
    fake.setEndpointBehaviour('+15551230001', 'busy');
    fake.setEndpointBehaviour('+15551230002', 'no-answer');
    const busy = await client.calls.create({
      to: '+15551230001',
      from: COMPANY,
      url: app.url('/outbound'),
      statusCallback: app.url('/busy-status'),
    });
    const unanswered = await client.calls.create({
      to: '+15551230002',
      from: COMPANY,
      url: app.url('/outbound'),
      statusCallback: app.url('/no-answer-status'),
      timeout: 15,
    });
    expect((await app.waitForRequest('/busy-status')).params).toMatchObject({
      CallSid: busy.sid,
      CallStatus: 'busy',
      CallDuration: '0',
    });
    expect((await app.waitForRequest('/no-answer-status')).params).toMatchObject({
      CallSid: unanswered.sid,
      CallStatus: 'no-answer',
    });
    expect(app.requestsTo('/outbound')).toEqual([]);
  });

  it('when a ringing call is canceled, then it ends canceled without running its document', async () => {
    const created = await client.calls.create({
      to: 'client:agent',
      from: COMPANY,
      url: app.url('/outbound'),
      statusCallback: app.url('/call-status'),
      timeout: 600,
    });
    await fake.waitFor(created.sid, (s) => s.status === 'ringing');
    expect((await client.calls(created.sid).update({ status: 'canceled' })).status).toBe('canceled');
    expect((await app.waitForRequest('/call-status')).params.CallStatus).toBe('canceled');
    expect(fake.ringing('client:agent')).toEqual([]);
    expect(app.requestsTo('/outbound')).toEqual([]);
  });

  it('when a live call gets new TwiML, then it leaves what it was doing and runs it', async () => {
    fake.setEndpointBehaviour('client:agent', 'answer');
    const created = await client.calls.create({ to: 'client:agent', from: COMPANY, url: app.url('/outbound') });
    await fake.waitFor(created.sid, (s) => s.transcript.some((e) => e.kind === 'pause'));
    const next = twiml();
    next.say('Redirected by the API');
    await client.calls(created.sid).update({ twiml: next });
    const done = await fake.waitFor(created.sid, (s) => s.status === 'completed');
    expect(done.transcript.filter((e) => e.kind === 'say').map((e) => e.text)).toEqual([
      'Hello, this is your callback',
      'Redirected by the API',
    ]);
  });

  it('when a call is created with record, then its recording is reported when it ends', async () => {
    const created = await client.calls.create({
      to: CUSTOMER,
      from: COMPANY,
      url: app.url('/outbound'),
      record: true,
      recordingStatusCallback: app.url('/call-recording'),
    });
    await fake.waitFor(created.sid, (s) => s.status === 'in-progress');
    fake.speak(created.sid, 'yes, please call later');
    fake.hangup(created.sid);
    const recording = await app.waitForRequest('/call-recording');
    expect(recording.params).toMatchObject({
      CallSid: created.sid,
      RecordingStatus: 'completed',
      RecordingSource: 'OutboundAPI',
      RecordingChannels: '2',
    });
    expect(fake.recordingText(recording.params.RecordingSid)).toBe(`${CUSTOMER}: yes, please call later`);
  });

  it('when a queued caller is dequeued through the Members API, then its action gets QueueResult=redirected and the URL runs', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.enqueue({ action: '/queue-done' }, 'billing');
      return r.toString();
    });
    app.on('/dequeued', () => {
      const r = twiml();
      r.say('Taken out of the queue');
      return r.toString();
    });
    const sid = fake.placeCall({ from: CUSTOMER, to: COMPANY });
    const queued = await fake.waitFor(sid, (s) => s.queue !== null);
    expect(queued.transcript.some((e) => e.kind === 'play' && e.url?.includes('twimlets.com/holdmusic'))).toBe(true);
    const member = await client
      .queues(queued.queue!.sid)
      .members('Front')
      .update({ url: app.url('/dequeued'), method: 'POST' });
    expect(member.callSid).toBe(sid);
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(done.transcript.some((e) => e.text === 'Taken out of the queue')).toBe(true);
    expect(app.requestsTo('/queue-done')[0].params.QueueResult).toBe('redirected');
  });
});

describe('REST errors', () => {
  it('when a resource does not exist, then the client throws a RestException with Twilio 404 body', async () => {
    const missing = `CA${'0'.repeat(32)}`;
    const error = await restError(client.calls(missing).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(error.message).toContain(missing);
    expect(error.moreInfo).toBe('https://www.twilio.com/docs/errors/20404');
    expect(await restError(client.calls(missing).update({ url: app.url('/outbound') }))).toMatchObject({
      status: 404,
      code: 20404,
    });
    expect(
      await restError(
        client
          .conferences(`CF${'0'.repeat(32)}`)
          .participants(missing)
          .update({ hold: true }),
      ),
    ).toMatchObject({ status: 404 });
    expect(await restError(client.queues(`QU${'0'.repeat(32)}`).members.list())).toMatchObject({ status: 404 });
  });

  it('when the input is bad, then the client throws 400 with the code Twilio uses', async () => {
    expect(
      await restError(client.calls.create({ to: 'not a number', from: COMPANY, url: app.url('/outbound') })),
    ).toMatchObject({ status: 400, code: 21211 });
    expect(await restError(client.calls.create({ to: CUSTOMER, from: COMPANY }))).toMatchObject({
      status: 400,
      code: 21205,
    });
    expect(
      await restError(
        client.calls.create({
          to: CUSTOMER,
          from: COMPANY,
          url: app.url('/outbound'),
          statusCallbackEvent: ['exploded'],
          statusCallback: app.url('/s'),
        }),
      ),
    ).toMatchObject({ status: 400 });
    fake.setEndpointBehaviour(CUSTOMER, 'failed');
    const failed = await client.calls.create({ to: CUSTOMER, from: COMPANY, url: app.url('/outbound') });
    await fake.waitFor(failed.sid, (s) => s.status === 'failed');
    expect(await restError(client.calls(failed.sid).update({ url: app.url('/outbound') }))).toMatchObject({
      status: 400,
      code: 21220,
    });
  });

  it('when the credentials are wrong, then every request is refused with 401', async () => {
    const stranger = twilio(ACCOUNT_SID, 'wrong-token', { httpClient: fake as never });
    expect(await restError(stranger.calls.list())).toMatchObject({ status: 401, code: 20003 });
  });
});
