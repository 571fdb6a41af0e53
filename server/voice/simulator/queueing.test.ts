import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from './fakeTwilioVoice';
import type { CallSnapshot } from './types';
import { clientFor, COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

let app: TwimlApp;
let fake: FakeTwilioVoice;

beforeEach(async () => {
  app = await startTwimlApp();
  fake = fakeFor(app);
  app.on('/voice', () => {
    const r = twiml();
    r.enqueue({ waitUrl: '/wait', action: '/queue-done' }, 'support');
    return r.toString();
  });
  app.on('/wait', (p) => {
    const r = twiml();
    r.say(`You are number ${p.QueuePosition} in line`);
    r.gather({ numDigits: 1, action: '/wait-key', timeout: 30 }).say('Press 1 to leave the queue');
    return r.toString();
  });
  app.on('/wait-key', (p) => {
    const r = twiml();
    if (p.Digits === '1') r.leave();
    else r.say('Please keep holding');
    return r.toString();
  });
  app.on('/queue-done', (p) => {
    const r = twiml();
    r.say(`Queue result ${p.QueueResult}`);
    return r.toString();
  });
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

const heard = (s: CallSnapshot, text: string) => s.transcript.some((e) => e.text === text);

describe('queues', () => {
  it('when two callers wait, then the wait URL announces positions 1 and 2; the first leaving moves the second up', async () => {
    const first = fake.placeCall({ from: '+14155550101', to: COMPANY });
    await fake.waitFor(first, (s) => heard(s, 'You are number 1 in line'));
    const second = fake.placeCall({ from: '+14155550102', to: COMPANY });
    const waiting = await fake.waitFor(second, (s) => heard(s, 'You are number 2 in line'));
    expect(waiting.queue).toMatchObject({ name: 'support', position: 2, size: 2 });
    const waitRequest = app.requestsTo('/wait').find((r) => r.params.CallSid === second)!;
    expect(waitRequest.params).toMatchObject({
      QueuePosition: '2',
      CurrentQueueSize: '2',
      QueueSid: waiting.queue!.sid,
    });
    expect(waitRequest.params.QueueTime).toMatch(/^\d+$/);
    expect(waitRequest.params.AvgQueueTime).toMatch(/^\d+$/);

    const client = clientFor(fake);
    const [queue] = await client.queues.list();
    expect(queue).toMatchObject({ sid: waiting.queue!.sid, friendlyName: 'support', currentSize: 2 });
    expect((await client.queues(queue.sid).members.list()).map((m) => [m.callSid, m.position])).toEqual([
      [first, 1],
      [second, 2],
    ]);

    await fake.waitFor(first, (s) => s.awaiting?.kind === 'gather');
    fake.pressDigits(first, '1');
    const left = await fake.waitFor(first, (s) => s.status === 'completed');
    expect(heard(left, 'Queue result leave')).toBe(true);
    expect(app.requestsTo('/queue-done')[0].params).toMatchObject({
      CallSid: first,
      QueueResult: 'leave',
      QueueSid: queue.sid,
    });
    expect(app.requestsTo('/queue-done')[0].params.QueueTime).toMatch(/^\d+$/);
    expect((await fake.waitFor(second, (s) => s.queue?.position === 1)).queue?.size).toBe(1);
    await fake.waitFor(second, (s) => heard(s, 'You are number 1 in line'));
  });

  it('when the REST API redirects an enqueued call, then the action gets QueueResult=redirected and the new document runs', async () => {
    app.on('/offer-callback', () => {
      const r = twiml();
      r.say('We will call you back');
      return r.toString();
    });
    const sid = fake.placeCall({ from: '+14155550103', to: COMPANY });
    await fake.waitFor(sid, (s) => s.queue !== null);
    const updated = await clientFor(fake)
      .calls(sid)
      .update({ url: app.url('/offer-callback'), method: 'POST' });
    expect(updated.status).toBe('in-progress');
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(heard(done, 'We will call you back')).toBe(true);
    expect(heard(done, 'Queue result redirected')).toBe(false);
    const action = app.requestsTo('/queue-done')[0];
    expect(action.params).toMatchObject({ QueueResult: 'redirected', CallSid: sid });
    expect(app.requests.indexOf(action)).toBeLessThan(app.requests.indexOf(app.requestsTo('/offer-callback')[0]));
    expect(fake.queues()[0].members).toEqual([]);
  });

  it('when the caller hangs up while queued, then the action gets QueueResult=hangup and the queue empties', async () => {
    const sid = fake.placeCall({ from: '+14155550104', to: COMPANY });
    await fake.waitFor(sid, (s) => s.queue !== null);
    fake.hangup(sid);
    const action = await app.waitForRequest('/queue-done');
    expect(action.params).toMatchObject({ QueueResult: 'hangup', CallStatus: 'completed' });
    expect(fake.snapshot(sid)?.queue).toBeNull();
    expect(fake.queues()[0].members).toEqual([]);
  });

  it('when an agent dials the queue, then the first caller hears the whisper and is bridged; when the agent hangs up the caller goes on with its action', async () => {
    app.on('/whisper', (p) => {
      const r = twiml();
      r.say(`Connecting you now after ${p.QueueTime} seconds`);
      return r.toString();
    });
    const caller = fake.placeCall({ from: '+14155550105', to: COMPANY });
    await fake.waitFor(caller, (s) => s.queue?.position === 1);
    const agentTwiml = twiml();
    agentTwiml.dial({ action: app.url('/agent-done') }).queue({ url: app.url('/whisper') }, 'support');
    const agentCall = await clientFor(fake).calls.create({
      to: 'client:agent',
      from: COMPANY,
      twiml: agentTwiml.toString(),
      timeout: 600,
    });
    expect(agentCall.status).toBe('queued');
    const ringing = await fake.waitForCall((s) => s.to === 'client:agent' && s.status === 'ringing');
    expect(fake.ringing('client:agent').map((s) => s.sid)).toEqual([agentCall.sid]);
    fake.answer(ringing.sid);

    const bridged = await fake.waitFor(caller, (s) => s.bridgedWith === agentCall.sid);
    expect(
      bridged.transcript.some((e) => e.kind === 'say' && /^Connecting you now after \d+ seconds$/.test(e.text ?? '')),
    ).toBe(true);
    expect(app.requestsTo('/whisper')[0].params).toMatchObject({ CallSid: caller, DequeingCallSid: agentCall.sid });
    fake.speak(caller, 'Hello, my router is broken');
    await fake.waitFor(agentCall.sid, (s) =>
      s.transcript.some((e) => e.kind === 'heard' && e.text === 'Hello, my router is broken'),
    );

    fake.hangup(agentCall.sid);
    const after = await fake.waitFor(caller, (s) => s.status === 'completed');
    expect(heard(after, 'Queue result bridged')).toBe(true);
    expect(app.requestsTo('/queue-done')[0].params).toMatchObject({ QueueResult: 'bridged', CallSid: caller });
    const dialAction = await app.waitForRequest('/agent-done');
    expect(dialAction.params).toMatchObject({
      CallSid: agentCall.sid,
      DialCallStatus: 'completed',
      DialCallSid: caller,
      CallStatus: 'completed',
    });
  });

  it('when an agent dials an empty queue, then the Dial waits for the next caller until its timeout', async () => {
    const agentTwiml = twiml();
    agentTwiml.dial({ action: app.url('/agent-done'), timeout: 5 }).queue('nobody-here');
    fake.setEndpointBehaviour('client:agent', 'answer');
    await clientFor(fake).calls.create({ to: 'client:agent', from: COMPANY, twiml: agentTwiml.toString() });
    expect((await app.waitForRequest('/agent-done')).params.DialCallStatus).toBe('failed');

    const caller = fake.placeCall({ from: '+14155550106', to: COMPANY });
    await fake.waitFor(caller, (s) => s.queue !== null);
    fake.hangup(caller);
    const emptyQueue = twiml();
    emptyQueue.dial({ action: app.url('/agent-done-2'), timeout: 5 }).queue('support');
    await clientFor(fake).calls.create({ to: 'client:agent', from: COMPANY, twiml: emptyQueue.toString() });
    expect((await app.waitForRequest('/agent-done-2')).params.DialCallStatus).toBe('no-answer');
  });

  it('when a wait document only redirects to itself, then it is re-requested at most once a simulated second', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.enqueue({ waitUrl: '/spin' }, 'support');
      return r.toString();
    });
    app.on('/spin', () => {
      const r = twiml();
      r.redirect('/spin');
      return r.toString();
    });
    fake.placeCall({ from: '+14155550107', to: COMPANY });
    await app.waitForRequest('/spin', () => app.requestsTo('/spin').length >= 10);
    const spins = app.requestsTo('/spin');
    // 8 loops of at least 1 simulated second (10 ms at timeScale 0.01), less some jitter in request latency.
    expect(spins[9].at - spins[1].at).toBeGreaterThanOrEqual(8 * 10 - 15);
  });
});
