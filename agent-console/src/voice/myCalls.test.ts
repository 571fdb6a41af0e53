import { describe, expect, it } from 'vitest';
import { applyCallChange, currentCall, customerNumber, myLeg } from './myCalls';
import { aCallView, aLeg } from './testCallView';

describe('myLeg', () => {
  it('prefers my leg still up over an earlier one of mine, and ignores other agents’ legs', () => {
    const call = aCallView({
      legs: [
        aLeg({ id: 'old', endedAt: '2025-01-01T10:01:00Z' }),
        aLeg({ id: 'other', agentId: 'someone' }),
        aLeg({ id: 'live' }),
      ],
    });
    expect(myLeg(call, 'me')?.id).toBe('live');
    expect(myLeg(aCallView({ legs: [aLeg({ id: 'old', endedAt: '2025-01-01T10:01:00Z' })] }), 'me')?.id).toBe('old');
    expect(myLeg(aCallView({ legs: [aLeg({ agentId: 'someone' })] }), 'me')).toBeNull();
  });
});

describe('applyCallChange', () => {
  const mine = aCallView({ agentId: 'me', phase: 'ringing' });

  it('when a call becomes mine, then it is added; a later change replaces it', () => {
    const added = applyCallChange([], mine, 'me');
    expect(added).toEqual([mine]);
    const connected = { ...mine, phase: 'connected' as const };
    expect(applyCallChange(added, connected, 'me')).toEqual([connected]);
  });

  it('when the call ends with after-call work for me, then it stays until wrapped up', () => {
    const ended = { ...mine, phase: 'ended' as const, endedAt: '2025-01-01T10:05:00Z', wrapUp: 'pending' as const };
    expect(applyCallChange([mine], ended, 'me')).toEqual([ended]);
    expect(applyCallChange([ended], { ...ended, wrapUp: 'done' }, 'me')).toEqual([]);
  });

  it('when the call went to someone else or back to a queue, then it leaves my list', () => {
    expect(applyCallChange([mine], { ...mine, agentId: 'someone' }, 'me')).toEqual([]);
    expect(applyCallChange([mine], { ...mine, agentId: null, phase: 'queued' }, 'me')).toEqual([]);
  });

  it('ignores calls that are not mine and never were', () => {
    const list = [mine];
    expect(applyCallChange(list, aCallView({ id: 'call-2', agentId: 'someone' }), 'me')).toEqual(list);
  });
});

describe('currentCall', () => {
  it('shows the newest live call before any after-call work', () => {
    const wrapUp = aCallView({
      id: 'a',
      endedAt: '2025-01-01T09:00:00Z',
      wrapUp: 'pending',
      createdAt: '2025-01-01T08:59:00Z',
    });
    const older = aCallView({ id: 'b', createdAt: '2025-01-01T10:00:00Z' });
    const newer = aCallView({ id: 'c', createdAt: '2025-01-01T10:01:00Z' });
    expect(currentCall([wrapUp, older, newer])?.id).toBe('c');
    expect(currentCall([wrapUp])?.id).toBe('a');
    expect(currentCall([])).toBeNull();
  });
});

describe('customerNumber', () => {
  it('is the caller on inbound calls and the number dialled on outbound ones', () => {
    expect(customerNumber({ direction: 'inbound', from: '+1555', to: '+1999' })).toBe('+1555');
    expect(customerNumber({ direction: 'outbound', from: '+1999', to: '+1555' })).toBe('+1555');
  });
});
