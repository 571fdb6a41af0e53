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
    r.say('Please hold');
    r.enqueue({ waitUrl: '/wait' }, 'support');
    return r.toString();
  });
  app.on('/wait', () => {
    const r = twiml();
    r.pause({ length: 30 });
    return r.toString();
  });
  app.on('/join', () => {
    const r = twiml();
    r.dial({ action: '/after-conference' }).conference(
      {
        startConferenceOnEnter: false,
        waitUrl: '/conference-wait',
        statusCallback: '/conference-events',
        statusCallbackEvent: ['start', 'end', 'join', 'leave', 'hold', 'mute'],
        record: 'record-from-start',
        recordingStatusCallback: '/conference-recording',
      },
      'room-1',
    );
    return r.toString();
  });
  app.on('/conference-wait', () => {
    const r = twiml();
    r.say('Waiting for an agent');
    r.pause({ length: 30 });
    return r.toString();
  });
  app.on('/hold-music', () => {
    const r = twiml();
    r.say('Your call is on hold');
    r.pause({ length: 30 });
    return r.toString();
  });
  app.on('/after-conference', (p) => {
    const r = twiml();
    r.say(`Thanks for calling (${p.DialCallStatus})`);
    return r.toString();
  });
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

const heard = (s: CallSnapshot, text: string) => s.transcript.some((e) => e.kind === 'heard' && e.text === text);
const agentTwiml = () => {
  const r = twiml();
  r.dial().conference({ endConferenceOnExit: true }, 'room-1');
  return r.toString();
};

describe('conferences', () => {
  it('when a queued caller is redirected into a conference and an agent joins, then both talk, hold and mute work through participants.update, and hanging up reports durations and the recording', async () => {
    const client = clientFor(fake);
    const caller = fake.placeCall({ from: '+14155550111', to: COMPANY });
    await fake.waitFor(caller, (s) => s.queue !== null);
    await client.calls(caller).update({ url: app.url('/join') });
    const waiting = await fake.waitFor(caller, (s) => s.transcript.some((e) => e.text === 'Waiting for an agent'));
    expect(waiting.conference).toMatchObject({ name: 'room-1', status: 'init' });

    const agent = await client.calls.create({
      to: 'client:agent',
      from: COMPANY,
      twiml: agentTwiml(),
      timeout: 600,
      statusCallback: app.url('/agent-status'),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    await fake.waitFor(agent.sid, (s) => s.status === 'ringing');
    fake.answer(agent.sid);
    const inConference = await fake.waitFor(
      caller,
      (s) => s.conference?.status === 'in-progress' && s.conference.participants.length === 2,
    );
    const conferenceSid = inConference.conference!.sid;

    const [conference] = await client.conferences.list({ friendlyName: 'room-1', status: 'in-progress' });
    expect(conference.sid).toBe(conferenceSid);
    expect((await client.conferences(conferenceSid).participants.list()).map((p) => p.callSid).sort()).toEqual(
      [caller, agent.sid].sort(),
    );

    fake.speak(caller, 'my order never arrived');
    await fake.waitFor(agent.sid, (s) => heard(s, 'my order never arrived'));

    const held = await client
      .conferences(conferenceSid)
      .participants(caller)
      .update({ hold: true, holdUrl: app.url('/hold-music'), holdMethod: 'POST' });
    expect(held.hold).toBe(true);
    await fake.waitFor(
      caller,
      (s) => s.conference?.held === true && s.transcript.some((e) => e.text === 'Your call is on hold'),
    );
    fake.speak(agent.sid, 'checking with the warehouse');
    fake.speak(caller, 'are you there?');
    await client.conferences(conferenceSid).participants(caller).update({ hold: false });
    fake.speak(agent.sid, 'found it');
    await fake.waitFor(caller, (s) => heard(s, 'found it'));
    expect(heard(fake.snapshot(caller)!, 'checking with the warehouse')).toBe(false);
    expect(heard(fake.snapshot(agent.sid)!, 'are you there?')).toBe(false);

    await client.conferences(conferenceSid).participants(caller).update({ muted: true });
    fake.speak(caller, 'muted words');
    fake.speak(agent.sid, 'ships tomorrow');
    await fake.waitFor(caller, (s) => s.conference?.muted === true && heard(s, 'ships tomorrow'));
    expect(heard(fake.snapshot(agent.sid)!, 'muted words')).toBe(false);

    fake.hangup(agent.sid);
    const after = await fake.waitFor(caller, (s) => s.status === 'completed');
    expect(after.transcript.some((e) => e.text === 'Thanks for calling (completed)')).toBe(true);
    expect((await client.conferences(conferenceSid).fetch()).status).toBe('completed');

    const agentCompleted = await app.waitForRequest('/agent-status', (r) => r.params.CallStatus === 'completed');
    expect(app.requestsTo('/agent-status').map((r) => r.params.CallStatus)).toEqual([
      'initiated',
      'ringing',
      'in-progress',
      'completed',
    ]);
    expect(app.requestsTo('/agent-status').map((r) => r.params.SequenceNumber)).toEqual(['0', '1', '2', '3']);
    expect(Number(agentCompleted.params.CallDuration)).toBeGreaterThan(0);
    const callerCompleted = await app.waitForRequest('/status', (r) => r.params.CallSid === caller);
    expect(Number(callerCompleted.params.CallDuration)).toBeGreaterThan(0);

    const recording = await app.waitForRequest('/conference-recording');
    expect(recording.params).toMatchObject({
      ConferenceSid: conferenceSid,
      RecordingStatus: 'completed',
      RecordingSource: 'DialConference',
      RecordingChannels: '1',
    });
    expect(recording.params.RecordingUrl).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${recording.params.AccountSid}/Recordings/${recording.params.RecordingSid}`,
    );
    expect(fake.recordingText(recording.params.RecordingSid)).toBe(
      [
        '+14155550111: my order never arrived',
        'client:agent: checking with the warehouse',
        'client:agent: found it',
        'client:agent: ships tomorrow',
      ].join('\n'),
    );

    await app.waitForRequest('/conference-events', (r) => r.params.StatusCallbackEvent === 'conference-end');
    expect(app.requestsTo('/conference-events').map((r) => r.params.StatusCallbackEvent)).toEqual([
      'participant-join',
      'participant-join',
      'conference-start',
      'participant-hold',
      'participant-unhold',
      'participant-mute',
      'participant-leave',
      'participant-leave',
      'conference-end',
    ]);
    expect(app.requestsTo('/conference-events').at(-1)!.params).toMatchObject({
      ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left',
      CallSidEndingConference: agent.sid,
    });
  });

  it('when a participant is removed, then its call goes on with the TwiML after its Dial while the others stay', async () => {
    const client = clientFor(fake);
    const caller = fake.placeCall({ from: '+14155550112', to: COMPANY });
    await fake.waitFor(caller, (s) => s.queue !== null);
    await client.calls(caller).update({ url: app.url('/join') });
    fake.setEndpointBehaviour('client:agent', 'answer');
    const agent = await client.calls.create({ to: 'client:agent', from: COMPANY, twiml: agentTwiml() });
    const inConference = await fake.waitFor(caller, (s) => s.conference?.participants.length === 2);
    await client.conferences(inConference.conference!.sid).participants(caller).remove();
    const after = await fake.waitFor(caller, (s) => s.status === 'completed');
    expect(after.transcript.some((e) => e.text === 'Thanks for calling (completed)')).toBe(true);
    expect(fake.snapshot(agent.sid)).toMatchObject({
      status: 'in-progress',
      conference: { participants: [{ callSid: agent.sid }] },
    });
    await client.conferences(inConference.conference!.sid).update({ status: 'completed' });
    await fake.waitFor(agent.sid, (s) => s.status === 'completed');
  });

  it('when a participant is added through the REST API, then its call is placed and joins the conference once answered', async () => {
    const client = clientFor(fake);
    fake.setEndpointBehaviour('client:agent', 'answer');
    const host = twiml();
    host.dial().conference({ startConferenceOnEnter: true }, 'callback-7');
    const agent = await client.calls.create({ to: 'client:agent', from: COMPANY, twiml: host.toString() });
    const joined = await fake.waitFor(agent.sid, (s) => s.conference?.status === 'in-progress');
    const added = await client.conferences(joined.conference!.sid).participants.create({
      from: COMPANY,
      to: '+14155550113',
      endConferenceOnExit: true,
      statusCallback: app.url('/customer-status'),
    });
    expect(added).toMatchObject({ conferenceSid: joined.conference!.sid, status: 'queued' });
    const customer = await fake.waitFor(added.callSid, (s) => s.conference?.participants.length === 2);
    expect(customer).toMatchObject({
      direction: 'outbound-api',
      to: '+14155550113',
      conference: { name: 'callback-7' },
    });
    expect(
      (await client.conferences(joined.conference!.sid).participants(added.callSid).fetch()).endConferenceOnExit,
    ).toBe(true);
    fake.hangup(added.callSid);
    await fake.waitFor(agent.sid, (s) => s.status === 'completed');
    expect((await app.waitForRequest('/customer-status')).params).toMatchObject({
      CallSid: added.callSid,
      CallStatus: 'completed',
    });
  });
});
