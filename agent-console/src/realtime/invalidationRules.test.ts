import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { InboxResponse, TicketDetailResponse } from '../../../server/http/apiTypes';
import type { CallView, SimulatedCallView } from '../../../server/http/voiceApiTypes';
import { queryKeys } from '../data/queryKeys';
import { invalidationsFor } from './invalidationRules';

const ME = 'agent-me';
const keysOf = (list: { queryKey: readonly unknown[] }[]) => list.map((entry) => entry.queryKey);

function cacheWith(seed: (client: QueryClient) => void = () => undefined) {
  const client = new QueryClient();
  seed(client);
  return client;
}

const inboxWith = (...tickets: { id: string; customerId: string }[]): InboxResponse =>
  ({
    tickets: tickets.map(({ id, customerId }) => ({ id, customer: { id: customerId, name: null } })),
  }) as InboxResponse;

const ticketDetail = (ticketId: string, customerId: string) =>
  ({ ticket: { id: ticketId }, customer: { id: customerId } }) as TicketDetailResponse;

describe('invalidationsFor', () => {
  it('re-reads a changed ticket, and my inbox only when the change can concern it', () => {
    const cache = cacheWith((client) =>
      client.setQueryData(queryKeys.inbox, inboxWith({ id: 't-listed', customerId: 'c1' })),
    );

    const someoneElses = keysOf(
      invalidationsFor('ticket.changed', { ticketId: 't-other', assigneeId: 'agent-x' }, cache, ME),
    );
    expect(someoneElses).toContainEqual(queryKeys.ticket('t-other'));
    expect(someoneElses).not.toContainEqual(queryKeys.inbox);
    // Ticket views may hold anyone's ticket.
    expect(someoneElses).toContainEqual(queryKeys.ticketViews);

    expect(keysOf(invalidationsFor('ticket.changed', { ticketId: 't-new', assigneeId: ME }, cache, ME))).toContainEqual(
      queryKeys.inbox,
    );
    // A listed ticket that went to someone else leaves my inbox.
    expect(
      keysOf(invalidationsFor('ticket.changed', { ticketId: 't-listed', assigneeId: 'agent-x' }, cache, ME)),
    ).toContainEqual(queryKeys.inbox);
    // Nobody said whose it is now.
    expect(keysOf(invalidationsFor('ticket.changed', { ticketId: 't-other' }, cache, ME))).toContainEqual(
      queryKeys.inbox,
    );
  });

  it('re-reads a changed customer, the tickets on screen that show them, and the inbox when it names them', () => {
    const cache = cacheWith((client) => {
      client.setQueryData(queryKeys.ticket('t1'), ticketDetail('t1', 'c1'));
      client.setQueryData(queryKeys.ticket('t2'), ticketDetail('t2', 'c2'));
      client.setQueryData(queryKeys.ticketCalls('t1'), { calls: [], callbacks: [] });
      client.setQueryData(queryKeys.inbox, inboxWith({ id: 't1', customerId: 'c1' }));
    });

    const keys = keysOf(invalidationsFor('customer.changed', { customerId: 'c1' }, cache, ME));
    expect(keys).toContainEqual(queryKeys.customer('c1'));
    expect(keys).toContainEqual(queryKeys.ticket('t1'));
    expect(keys).not.toContainEqual(queryKeys.ticket('t2'));
    expect(keys).toContainEqual(queryKeys.inbox);

    expect(keysOf(invalidationsFor('customer.changed', { customerId: 'c2' }, cache, ME))).not.toContainEqual(
      queryKeys.inbox,
    );
  });

  it('re-reads the monitor and the agent list on presence, and the inbox and ticket when an offer is accepted', () => {
    const cache = cacheWith();
    const presence = keysOf(
      invalidationsFor(
        'presence.changed',
        { userId: 'u', presence: 'away', presenceSince: '2026-01-01T00:00:00Z' } as never,
        cache,
        ME,
      ),
    );
    expect(presence).toEqual([queryKeys.monitor, queryKeys.agents]);

    expect(
      keysOf(invalidationsFor('offer.ended', { offerId: 'o', ticketId: 't1', reason: 'accepted' }, cache, ME)),
    ).toEqual([queryKeys.inbox, queryKeys.ticket('t1')]);
    expect(invalidationsFor('offer.ended', { offerId: 'o', ticketId: 't1', reason: 'timed_out' }, cache, ME)).toEqual(
      [],
    );
  });

  it('re-reads mail health, campaigns and a call’s ticket when they change, figures more calmly than details', () => {
    const cache = cacheWith();
    expect(keysOf(invalidationsFor('mailbox.changed', { mailboxId: 'm' }, cache, ME))).toEqual([queryKeys.mailboxes]);

    const campaign = invalidationsFor('campaign.changed', { campaignId: 'k1' }, cache, ME);
    expect(keysOf(campaign)).toEqual([queryKeys.campaign('k1'), queryKeys.campaignList, queryKeys.campaignStatsAll]);
    expect(campaign[2].delayMs).toBeGreaterThan(campaign[0].delayMs);

    const call = { id: 'call-1', ticketId: 't9' } as CallView;
    const keys = keysOf(invalidationsFor('call.changed', call, cache, ME));
    expect(keys).toContainEqual(queryKeys.ticketCalls('t9'));
    expect(keys).toContainEqual(queryKeys.callStatsAll);
  });

  it('re-reads only the simulated phone, mailbox or call the simulator event is about', () => {
    const cache = cacheWith((client) => {
      client.setQueryData(queryKeys.simulatedConversation('+1 555 200 0001'), { phone: '+15552000001', messages: [] });
      client.setQueryData(queryKeys.simulatedConversation('+1 555 200 0002'), { phone: '+15552000002', messages: [] });
      client.setQueryData(queryKeys.simulatedCall('CA1'), { sid: 'CA1', from: '+15552000003' } as SimulatedCallView);
      client.setQueryData(queryKeys.simulatedCall('CA2'), { sid: 'CA2', from: '+15552000004' } as SimulatedCallView);
    });

    expect(keysOf(invalidationsFor('simulator.changed', { phone: '+15552000001' }, cache, ME))).toEqual([
      queryKeys.simulatedConversation('+1 555 200 0001'),
    ]);
    expect(keysOf(invalidationsFor('simulator.changed', { email: 'ada@example.com' }, cache, ME))).toEqual([
      queryKeys.simulatedMailbox('ada@example.com'),
    ]);
    expect(
      keysOf(invalidationsFor('voice.simulator.changed', { callSid: 'CA9', endpoints: ['+15552000004'] }, cache, ME)),
    ).toEqual([queryKeys.simulatedCall('CA2')]);
    expect(keysOf(invalidationsFor('voice.simulator.changed', { callSid: 'CA1', endpoints: [] }, cache, ME))).toEqual([
      queryKeys.simulatedCall('CA1'),
    ]);
  });

  it('re-reads the wall’s thresholds and figures when an admin changed its settings', () => {
    const keys = keysOf(invalidationsFor('wall.settings', { at: '2026-12-07T08:00:00Z' }, cacheWith(), ME));
    expect(keys).toEqual([queryKeys.wallSettings, queryKeys.wallFigures]);
  });
});
