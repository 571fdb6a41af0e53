import { describe, expect, it } from 'vitest';
import { matchOffers, type RoutableAgent, type RoutableTicket } from './matchOffers';

const agent = (id: string, overrides: Partial<RoutableAgent> = {}): RoutableAgent => ({
  id,
  idleSince: 0,
  skillIds: new Set(),
  free: { voice: 1, sms: 1, email: 1 },
  onCall: false,
  ...overrides,
});
const ticket = (id: string, overrides: Partial<RoutableTicket> = {}): RoutableTicket => ({
  id,
  queueId: 'q',
  channel: 'sms',
  customerId: `c-${id}`,
  skillIds: [],
  blendWithCalls: false,
  ...overrides,
});
const noHints = { avoid: new Map(), sticky: new Map() };

describe('matchOffers', () => {
  it('when agents have free slots, then tickets go in order to the one idle longest, who then goes to the back', () => {
    const made = matchOffers(
      [ticket('t1'), ticket('t2'), ticket('t3')],
      [agent('a', { idleSince: 20 }), agent('b', { idleSince: 10, free: { voice: 0, sms: 2, email: 0 } })],
      noHints,
      100,
    );
    expect(made).toEqual([
      { ticketId: 't1', agentId: 'b' },
      { ticketId: 't2', agentId: 'a' },
      { ticketId: 't3', agentId: 'b' },
    ]);
  });

  it('when a queue needs skills, then only agents with every one of them are offered its tickets', () => {
    const made = matchOffers(
      [ticket('t1', { skillIds: ['billing', 'zh'] })],
      [
        agent('a', { skillIds: new Set(['billing']) }),
        agent('b', { idleSince: 50, skillIds: new Set(['zh', 'billing']) }),
      ],
      noHints,
      100,
    );
    expect(made).toEqual([{ ticketId: 't1', agentId: 'b' }]);
  });

  it('when an agent turned the ticket down, then others go first; the customer’s recent agent goes before the one idle longest', () => {
    const hints = { avoid: new Map([['t1', new Set(['a'])]]), sticky: new Map([['c-t2', 'c']]) };
    const made = matchOffers(
      [ticket('t1'), ticket('t2')],
      [agent('a'), agent('b', { idleSince: 1 }), agent('c', { idleSince: 2 })],
      hints,
      100,
    );
    expect(made).toEqual([
      { ticketId: 't1', agentId: 'b' },
      { ticketId: 't2', agentId: 'c' },
    ]);
  });

  it('when an agent is on a call, then they get no SMS unless the queue blends, and a call offer puts them on a call', () => {
    expect(matchOffers([ticket('t1')], [agent('a', { onCall: true })], noHints, 100)).toEqual([]);
    expect(
      matchOffers([ticket('t1', { blendWithCalls: true })], [agent('a', { onCall: true })], noHints, 100),
    ).toHaveLength(1);
    expect(matchOffers([ticket('v1', { channel: 'voice' }), ticket('t1')], [agent('a')], noHints, 100)).toEqual([
      { ticketId: 'v1', agentId: 'a' },
    ]);
  });

  it('when nobody has a free slot, then nothing is offered and the inputs are left as they were', () => {
    const agents = [agent('a', { free: { voice: 0, sms: 0, email: 0 } })];
    expect(matchOffers([ticket('t1')], agents, noHints, 100)).toEqual([]);
    const busy = [agent('b')];
    matchOffers([ticket('t1')], busy, noHints, 100);
    expect(busy[0].free.sms).toBe(1);
  });
});
