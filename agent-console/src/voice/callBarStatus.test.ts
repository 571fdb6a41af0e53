import { describe, expect, it } from 'vitest';
import { callBarStatus, controlsFor } from './callBarStatus';
import { aCallView, aLeg } from './testCallView';

const answered = aLeg({ status: 'in-progress', answeredAt: '2025-01-01T10:00:20Z' });

describe('callBarStatus', () => {
  it('when my device rings, then the bar offers the incoming call, whatever else goes on', () => {
    expect(callBarStatus(null, 'me', true)).toBe('incoming');
    expect(callBarStatus(aCallView({ phase: 'connected', legs: [answered] }), 'me', true)).toBe('incoming');
  });

  it('when there is no call, then idle', () => {
    expect(callBarStatus(null, 'me', false)).toBe('idle');
  });

  it('when my leg is being rung (my phone, or before the device reports it), then ringing', () => {
    expect(callBarStatus(aCallView({ phase: 'ringing', legs: [aLeg()] }), 'me', false)).toBe('ringing');
  });

  it('when I talk to the customer, then connected, or on hold while they hear hold audio', () => {
    expect(callBarStatus(aCallView({ phase: 'connected', legs: [answered] }), 'me', false)).toBe('connected');
    expect(callBarStatus(aCallView({ phase: 'connected', customerOnHold: true, legs: [answered] }), 'me', false)).toBe(
      'onHold',
    );
  });

  it('when a call transferred to me rings while the customer waits, then ringing', () => {
    const call = aCallView({
      phase: 'connected',
      customerOnHold: true,
      legs: [aLeg({ agentId: 'first', answeredAt: '2025-01-01T10:00:05Z', endedAt: '2025-01-01T10:02:00Z' }), aLeg()],
    });
    expect(callBarStatus(call, 'me', false)).toBe('ringing');
  });

  it('when the call ended, then after-call work while it is pending', () => {
    expect(callBarStatus(aCallView({ phase: 'ended', wrapUp: 'pending' }), 'me', false)).toBe('wrapUp');
    expect(callBarStatus(aCallView({ phase: 'ended', wrapUp: 'done' }), 'me', false)).toBe('ended');
  });

  it('when the caller is still in the IVR or a queue, then waiting', () => {
    expect(callBarStatus(aCallView({ phase: 'queued' }), 'me', false)).toBe('waiting');
  });
});

describe('controlsFor', () => {
  it('offers hold, mute and transfer only while talking, answer only while the device rings, the form only in wrap-up', () => {
    expect(controlsFor('connected')).toEqual({
      answer: false,
      hangUp: true,
      hold: true,
      mute: true,
      transfer: true,
      wrapUp: false,
    });
    expect(controlsFor('incoming')).toMatchObject({ answer: true, hold: false, wrapUp: false });
    expect(controlsFor('ringing')).toMatchObject({ hangUp: true, hold: false, mute: false });
    expect(controlsFor('wrapUp')).toEqual({
      answer: false,
      hangUp: false,
      hold: false,
      mute: false,
      transfer: false,
      wrapUp: true,
    });
  });
});
