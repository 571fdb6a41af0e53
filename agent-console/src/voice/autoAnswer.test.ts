import { describe, expect, it } from 'vitest';
import { AUTO_ANSWER_WINDOW_MS, rememberAccepted, shouldAutoAnswer } from './autoAnswer';
import { aCallView, aLeg } from './testCallView';

const now = Date.parse('2025-01-01T10:00:00Z');

describe('rememberAccepted', () => {
  it('adds the ticket and forgets acceptances older than the window', () => {
    const old = new Map([['stale', now - AUTO_ANSWER_WINDOW_MS - 1], ['recent', now - 1_000]]);
    expect([...rememberAccepted(old, 't1', now).keys()].sort()).toEqual(['recent', 't1']);
  });
});

describe('shouldAutoAnswer', () => {
  const ringingMe = aCallView({ agentId: 'me', phase: 'ringing', legs: [aLeg()] });

  it('when I just accepted the offer of the ticket whose call rings my leg, then answer', () => {
    expect(shouldAutoAnswer([ringingMe], new Map([['ticket-1', now - 2_000]]), 'me', now)).toBe(true);
  });

  it('when I accepted another ticket, or too long ago, then ask', () => {
    expect(shouldAutoAnswer([ringingMe], new Map([['ticket-2', now]]), 'me', now)).toBe(false);
    expect(shouldAutoAnswer([ringingMe], new Map([['ticket-1', now - AUTO_ANSWER_WINDOW_MS]]), 'me', now)).toBe(false);
  });

  it('when my leg is already answered or gone, or the call ended, then nothing to answer', () => {
    const accepted = new Map([['ticket-1', now]]);
    expect(shouldAutoAnswer([{ ...ringingMe, legs: [aLeg({ answeredAt: '2025-01-01T10:00:00Z' })] }], accepted, 'me', now)).toBe(false);
    expect(shouldAutoAnswer([{ ...ringingMe, legs: [aLeg({ endedAt: '2025-01-01T10:00:00Z' })] }], accepted, 'me', now)).toBe(false);
    expect(shouldAutoAnswer([{ ...ringingMe, endedAt: '2025-01-01T10:00:00Z' }], accepted, 'me', now)).toBe(false);
  });
});
