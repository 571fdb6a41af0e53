import { describe, expect, it } from 'vitest';
import { AUTO_ANSWER_WINDOW_MS, isCallingOut, isPlacedByMe, rememberAccepted, shouldAutoAnswer } from './autoAnswer';
import { aCallView, aLeg } from './testCallView';

const now = Date.parse('2025-01-01T10:00:00Z');
const none = new Map<string, number>();

describe('rememberAccepted', () => {
  it('adds the ticket and forgets acceptances older than the window', () => {
    const old = new Map([
      ['stale', now - AUTO_ANSWER_WINDOW_MS - 1],
      ['recent', now - 1_000],
    ]);
    expect([...rememberAccepted(old, 't1', now).keys()].sort()).toEqual(['recent', 't1']);
  });
});

describe('shouldAutoAnswer', () => {
  const ringingMe = aCallView({ agentId: 'me', phase: 'ringing', legs: [aLeg()] });
  const accepted = (entries: [string, number][]) => new Map(entries);

  it('when I just accepted the offer of the ticket whose call rings my leg, then answer', () => {
    expect(shouldAutoAnswer([ringingMe], accepted([['ticket-1', now - 2_000]]), 'me', now)).toBe(true);
  });

  it('when I accepted another ticket, or too long ago, then ask', () => {
    expect(shouldAutoAnswer([ringingMe], accepted([['ticket-2', now]]), 'me', now)).toBe(false);
    expect(shouldAutoAnswer([ringingMe], accepted([['ticket-1', now - AUTO_ANSWER_WINDOW_MS]]), 'me', now)).toBe(false);
  });

  it('when my leg is already answered or gone, or the call ended, then nothing to answer', () => {
    const expected = accepted([['ticket-1', now]]);
    expect(
      shouldAutoAnswer([{ ...ringingMe, legs: [aLeg({ answeredAt: '2025-01-01T10:00:00Z' })] }], expected, 'me', now),
    ).toBe(false);
    expect(
      shouldAutoAnswer([{ ...ringingMe, legs: [aLeg({ endedAt: '2025-01-01T10:00:00Z' })] }], expected, 'me', now),
    ).toBe(false);
    expect(shouldAutoAnswer([{ ...ringingMe, endedAt: '2025-01-01T10:00:00Z' }], expected, 'me', now)).toBe(false);
  });

  it('when I placed the call myself (click-to-dial) and it rings my leg, then answer without any offer', () => {
    const dialled = aCallView({
      direction: 'outbound',
      origin: 'click_to_dial',
      agentId: 'me',
      phase: 'ringing',
      legs: [aLeg()],
    });
    expect(shouldAutoAnswer([dialled], none, 'me', now)).toBe(true);
  });
});

describe('isPlacedByMe', () => {
  const dialled = aCallView({
    direction: 'outbound',
    origin: 'click_to_dial',
    agentId: 'me',
    phase: 'ringing',
    legs: [aLeg()],
  });

  it('is a click-to-dial call whose first leg is mine, before the customer is on', () => {
    expect(isPlacedByMe(dialled, 'me')).toBe(true);
  });

  it('is not a call someone handed me after the customer came on, another agent’s call, or a callback (offered first)', () => {
    const transferred = {
      ...dialled,
      connectedAt: '2025-01-01T10:00:30Z',
      legs: [aLeg({ agentId: 'colleague', endedAt: '2025-01-01T10:01:00Z' }), aLeg({ id: 'leg-2' })],
    };
    expect(isPlacedByMe(transferred, 'me')).toBe(false);
    expect(isPlacedByMe(dialled, 'colleague')).toBe(false);
    expect(isPlacedByMe({ ...dialled, origin: 'callback' }, 'me')).toBe(false);
    expect(isPlacedByMe({ ...dialled, origin: 'customer' }, 'me')).toBe(false);
  });
});

describe('isCallingOut', () => {
  it('is an outbound call still ringing (the agent, then the customer)', () => {
    expect(isCallingOut({ direction: 'outbound', phase: 'ringing', endedAt: null })).toBe(true);
    expect(isCallingOut({ direction: 'outbound', phase: 'connected', endedAt: null })).toBe(false);
    expect(isCallingOut({ direction: 'inbound', phase: 'ringing', endedAt: null })).toBe(false);
    expect(isCallingOut({ direction: 'outbound', phase: 'ringing', endedAt: '2025-01-01T10:00:00Z' })).toBe(false);
  });
});
