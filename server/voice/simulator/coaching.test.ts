import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from './fakeTwilioVoice';
import type { CallSnapshot } from './types';
import { clientFor, COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

// A supervisor in a call's conference: listening (muted), whispering to the agent (coaching), barging in (neither).
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

const heard = (s: CallSnapshot | null, text: string) =>
  s?.transcript.some((e) => e.kind === 'heard' && e.text === text) ?? false;

async function aCallInConference() {
  const client = clientFor(fake);
  fake.setEndpointBehaviour('client:agent', 'answer');
  fake.setEndpointBehaviour('client:supervisor', 'answer');
  const room = twiml();
  room.dial().conference({ startConferenceOnEnter: true }, 'room-9');
  const agent = await client.calls.create({ to: 'client:agent', from: COMPANY, twiml: room.toString() });
  const joined = await fake.waitFor(agent.sid, (s) => s.conference?.status === 'in-progress');
  const conferenceSid = joined.conference!.sid;
  const customer = await client.conferences(conferenceSid).participants.create({ from: COMPANY, to: '+14155550120' });
  await fake.waitFor(agent.sid, (s) => s.conference?.participants.length === 2);
  return { client, conferenceSid, agent: agent.sid, customer: customer.callSid };
}

describe('coaching in the simulator', () => {
  it('when a supervisor joins coaching the agent, then only the agent hears them; unmuted without coaching, everyone does', async () => {
    const { client, conferenceSid, agent, customer } = await aCallInConference();
    const supervisor = await client.conferences(conferenceSid).participants.create({
      from: COMPANY,
      to: 'client:supervisor',
      coaching: true,
      callSidToCoach: agent,
      beep: 'false',
    });
    expect(supervisor).toMatchObject({ coaching: true, callSidToCoach: agent });
    await fake.waitFor(agent, (s) => s.conference?.participants.length === 3);
    expect(fake.snapshot(agent)!.conference!.participants.find((p) => p.callSid === supervisor.callSid)!.coaching).toBe(
      agent,
    );

    fake.speak(supervisor.callSid, 'offer the refund');
    await fake.waitFor(agent, (s) => heard(s, 'offer the refund'));
    fake.speak(customer, 'so what now?');
    await fake.waitFor(supervisor.callSid, (s) => heard(s, 'so what now?'));
    expect(heard(fake.snapshot(customer), 'offer the refund')).toBe(false);

    // Barge: coaching off, the supervisor talks to the customer too.
    const barged = await client.conferences(conferenceSid).participants(supervisor.callSid).update({ coaching: false });
    expect(barged.coaching).toBe(false);
    fake.speak(supervisor.callSid, 'I am the supervisor');
    await fake.waitFor(customer, (s) => heard(s, 'I am the supervisor'));

    // Listen: muted, nobody hears them.
    await client.conferences(conferenceSid).participants(supervisor.callSid).update({ muted: true });
    fake.speak(supervisor.callSid, 'silent remark');
    fake.speak(customer, 'thank you');
    await fake.waitFor(supervisor.callSid, (s) => heard(s, 'thank you'));
    expect(heard(fake.snapshot(agent), 'silent remark')).toBe(false);
    expect(heard(fake.snapshot(customer), 'silent remark')).toBe(false);
  });

  it('when coaching is asked without a call to coach, then Twilio’s 400 and nobody is called', async () => {
    const { client, conferenceSid } = await aCallInConference();
    const before = fake.calls().length;
    await expect(
      client.conferences(conferenceSid).participants.create({ from: COMPANY, to: 'client:supervisor', coaching: true }),
    ).rejects.toMatchObject({ status: 400 });
    expect(fake.calls().length).toBe(before);
  });
});
