import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from './fakeTwilioVoice';
import { ACCOUNT_SID, COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

const CALLER = '+14155550100';
let app: TwimlApp;
let fake: FakeTwilioVoice;

beforeEach(async () => {
  app = await startTwimlApp();
  fake = fakeFor(app);
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

const says = (transcript: { kind: string; text?: string }[]) =>
  transcript.filter((e) => e.kind === 'say').map((e) => e.text);

describe('the TwiML engine', () => {
  it('when the caller presses a key during a Gather, then its action gets Digits and its answer runs', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.gather({ numDigits: 1, action: '/menu', timeout: 30 }).say('Press 1 for sales');
      r.say('We did not get that');
      return r.toString();
    });
    app.on('/menu', (p) => {
      const r = twiml();
      r.say(`You chose ${p.Digits}`);
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'gather');
    fake.pressDigits(sid, '1');
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');

    expect(app.requestsTo('/voice')[0].params).toMatchObject({
      CallSid: sid,
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: CALLER,
      To: COMPANY,
      Caller: CALLER,
      Called: COMPANY,
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      FromCountry: 'US',
    });
    expect(app.requestsTo('/menu')[0].params).toMatchObject({ CallSid: sid, Digits: '1', CallStatus: 'in-progress' });
    expect(says(done.transcript)).toEqual(['Press 1 for sales', 'You chose 1']);
    const status = await app.waitForRequest('/status');
    expect(status.params).toMatchObject({
      CallSid: sid,
      CallStatus: 'completed',
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
    });
    expect(Number(status.params.CallDuration)).toBeGreaterThanOrEqual(0);
  });

  it('when keys end with finishOnKey, then the digits before it are submitted; speech gives SpeechResult', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.gather({ action: '/account', finishOnKey: '#', timeout: 30 }).say('Enter your account number');
      return r.toString();
    });
    app.on('/account', () => {
      const r = twiml();
      r.gather({ input: ['speech'], action: '/reason', timeout: 30 }).say('Tell us why you call');
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'gather');
    fake.pressDigits(sid, '42');
    expect((await fake.waitFor(sid, (s) => s.awaiting?.kind === 'gather' && s.awaiting.digits === '42')).status).toBe(
      'in-progress',
    );
    fake.pressDigits(sid, '7#');
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'gather' && s.awaiting.input.includes('speech'));
    fake.speak(sid, 'my invoice is wrong');
    await fake.waitFor(sid, (s) => s.status === 'completed');

    expect(app.requestsTo('/account')[0].params).toMatchObject({ Digits: '427', FinishedOnKey: '#' });
    expect(app.requestsTo('/reason')[0].params).toMatchObject({ SpeechResult: 'my invoice is wrong' });
    expect(Number(app.requestsTo('/reason')[0].params.Confidence)).toBeGreaterThan(0);
  });

  it('when nobody presses anything, then the Gather times out and the next verb runs (or the action, with actionOnEmptyResult)', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.gather({ numDigits: 1, action: '/never', timeout: 2 }).say('Press a key');
      r.gather({ numDigits: 1, action: '/empty', timeout: 2, actionOnEmptyResult: true });
      return r.toString();
    });
    app.on('/empty', () => {
      const r = twiml();
      r.say('Nothing pressed');
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(app.requestsTo('/never')).toEqual([]);
    expect(app.requestsTo('/empty')[0].params.Digits).toBe('');
    expect(says(done.transcript)).toEqual(['Press a key', 'Nothing pressed']);
  });

  it('when a document redirects with a relative URL and GET, then the next document is requested so, signed over its query', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.say('One moment');
      r.redirect({ method: 'GET' }, 'next?step=2');
      return r.toString();
    });
    app.on('/next', (p) => {
      const r = twiml();
      r.say(`Step ${p.step}`);
      r.hangup();
      r.say('never said');
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    const next = app.requestsTo('/next')[0];
    expect(next.method).toBe('GET');
    expect(next.params).toMatchObject({ step: '2', CallSid: sid });
    expect(says(done.transcript)).toEqual(['One moment', 'Step 2']);
  });

  it('when <Reject reason="busy"> answers, then the call is never picked up and ends busy', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.reject({ reason: 'busy' });
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'busy');
    expect(done.answeredAt).toBeNull();
    expect((await app.waitForRequest('/status')).params).toMatchObject({ CallStatus: 'busy', CallDuration: '0' });
  });

  it('when the party hangs up during a Gather, then the call completes and nothing more is requested', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.gather({ action: '/menu', timeout: 60 }).say('Press a key');
      return r.toString();
    });
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'gather');
    fake.hangup(sid);
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(done.awaiting).toBeNull();
    await app.waitForRequest('/status');
    expect(app.requestsTo('/menu')).toEqual([]);
  });
});

describe('documents Twilio cannot run', () => {
  const cases: Array<[string, () => string | { status: number; type?: string; body: string }, RegExp]> = [
    ['an unknown verb', () => '<Response><Dance/></Response>', /<Dance> is not a TwiML verb/],
    [
      'a verb nested where it cannot be',
      () => '<Response><Gather><Dial>+15551234567</Dial></Gather></Response>',
      /<Dial> cannot be nested in <Gather>/,
    ],
    ['<Leave> outside a wait document', () => '<Response><Leave/></Response>', /<Leave> is not allowed/],
    ['a lowercase verb', () => '<Response><say>hi</say></Response>', /<say> is not a TwiML verb/],
    ['XML that is not well-formed', () => '<Response><Say>hi</Response>', /not well-formed/],
    ['a root that is not <Response>', () => '<Say>hi</Say>', /root element must be <Response>/],
    ['a server error', () => ({ status: 500, body: 'boom' }), /answered 500/],
    ['plain JSON', () => ({ status: 200, type: 'application/json', body: '{}' }), /Invalid Content-Type/],
    [
      'real TwiML the simulator does not emulate',
      () => '<Response><Connect><Stream url="wss://x.example.com"/></Connect></Response>',
      /does not emulate/,
    ],
  ];
  it.each(cases)(
    'when the app answers %s, then the call fails with an application error and ends',
    async (_, reply, message) => {
      app.on('/voice', reply);
      const sid = fake.placeCall({ from: CALLER, to: COMPANY });
      const done = await fake.waitFor(sid, (s) => s.status === 'completed');
      const error = done.transcript.find((e) => e.kind === 'error');
      expect(error?.text).toMatch(message);
      expect(says(done.transcript)).toEqual(['We are sorry, an application error has occurred. Goodbye.']);
    },
  );

  it('when a later document is invalid, then what ran before it stands and the call ends there', async () => {
    app.on('/voice', () => '<Response><Say>Welcome</Say><Redirect>/broken</Redirect></Response>');
    app.on('/broken', () => '<Response><Gather><Record/></Gather></Response>');
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(says(done.transcript)[0]).toBe('Welcome');
    expect(done.transcript.find((e) => e.kind === 'error')?.details).toMatchObject({
      code: 12100,
      url: app.url('/broken'),
    });
  });
});
