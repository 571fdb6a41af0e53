import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { InboxResponse, TicketDetailResponse } from '../../../server/http/apiTypes';
import type { SimulatedCallView } from '../../../server/http/voiceApiTypes';
import { queryKeys } from '../data/queryKeys';
import { concernsInbox } from '../inbox/concernsInbox';
import { compactPhone } from '../simulator/simPhone';
import { concernsAddress } from '../voice/simulatorEvents';
import type { RealtimeEventName, RealtimePayload } from './listenerRegistry';

/** A query (or every query under a key prefix) to re-read, `delayMs` after the event: bursts become one read. */
export interface Invalidation {
  queryKey: QueryKey;
  delayMs: number;
}

/** How long to gather events before re-reading: a ticket at once, lists after a burst, figures calmly. */
export const INVALIDATION_DELAY_MS = {
  detail: 100,
  list: 200,
  monitor: 300,
  campaign: 300,
  callbacks: 1_000,
  campaignStats: 2_000,
  callStats: 3_000,
  surveys: 1_000,
} as const;

type Rule<E extends RealtimeEventName> = (
  payload: RealtimePayload<E>,
  cache: QueryClient,
  userId: string,
) => Invalidation[];

const at = (queryKey: QueryKey, delayMs: number): Invalidation => ({ queryKey, delayMs });

/** The tickets held in the cache (detail queries only, not their calls). */
function cachedTickets(cache: QueryClient): TicketDetailResponse[] {
  return cache
    .getQueriesData<TicketDetailResponse>({ queryKey: queryKeys.tickets })
    .filter(([key, data]) => key.length === 2 && data)
    .map(([, data]) => data!);
}

// A record, so the compiler insists on a rule (maybe an empty one) for every event the server sends.
const RULES: { [E in RealtimeEventName]: Rule<E> } = {
  'ticket.changed': (event, cache, userId) => {
    const inbox = cache.getQueryData<InboxResponse>(queryKeys.inbox);
    return [
      at(queryKeys.ticket(event.ticketId), INVALIDATION_DELAY_MS.detail),
      // Not only listed tickets: the event for a ticket transferred straight to us is the first we hear of it.
      ...(concernsInbox(event, userId, inbox?.tickets) ? [at(queryKeys.inbox, INVALIDATION_DELAY_MS.list)] : []),
      // The event does not say which views hold the ticket: every view on screen re-reads, once per burst.
      at(queryKeys.ticketViews, INVALIDATION_DELAY_MS.list),
      at(queryKeys.callbacks, INVALIDATION_DELAY_MS.callbacks),
      at(queryKeys.monitor, INVALIDATION_DELAY_MS.callbacks),
      // A reply, resolve or pause can take a ticket off the SLA at-risk list.
      at(queryKeys.slaAtRisk, INVALIDATION_DELAY_MS.list),
    ];
  },
  // Unpacked by the RealtimeProvider into one ticket.changed per change.
  'tickets.changed': () => [],
  'customer.changed': ({ customerId }, cache) => {
    const inbox = cache.getQueryData<InboxResponse>(queryKeys.inbox);
    const tickets = cachedTickets(cache).filter((detail) => detail.customer.id === customerId);
    return [
      at(queryKeys.customer(customerId), INVALIDATION_DELAY_MS.detail),
      ...tickets.map((detail) => at(queryKeys.ticket(detail.ticket.id), INVALIDATION_DELAY_MS.detail)),
      at(queryKeys.customerSearches, INVALIDATION_DELAY_MS.list),
      at(queryKeys.ticketViews, INVALIDATION_DELAY_MS.list),
      ...(inbox?.tickets.some((ticket) => ticket.customer.id === customerId)
        ? [at(queryKeys.inbox, INVALIDATION_DELAY_MS.list)]
        : []),
    ];
  },
  'presence.changed': () => [
    at(queryKeys.monitor, INVALIDATION_DELAY_MS.monitor),
    at(queryKeys.agents, INVALIDATION_DELAY_MS.monitor),
  ],
  // The offer queue (offers/useOfferQueue.ts) follows offers itself: a pop carries everything it shows.
  'offer.created': () => [],
  'offer.ended': ({ ticketId, reason }) =>
    reason === 'accepted'
      ? [at(queryKeys.inbox, INVALIDATION_DELAY_MS.list), at(queryKeys.ticket(ticketId), INVALIDATION_DELAY_MS.detail)]
      : [],
  'mailbox.changed': () => [at(queryKeys.mailboxes, INVALIDATION_DELAY_MS.detail)],
  'campaign.changed': ({ campaignId }) => [
    at(queryKeys.campaign(campaignId), INVALIDATION_DELAY_MS.campaign),
    at(queryKeys.campaignList, INVALIDATION_DELAY_MS.campaign),
    at(queryKeys.campaignStatsAll, INVALIDATION_DELAY_MS.campaignStats),
  ],
  'simulator.changed': ({ phone, email }, cache) => [
    ...(phone
      ? cache
          .getQueriesData<{ phone: string }>({ queryKey: queryKeys.simulatedConversations })
          .filter(([key, data]) => data?.phone === phone || compactPhone(String(key[2])) === phone)
          .map(([key]) => at(key, INVALIDATION_DELAY_MS.detail))
      : []),
    ...(email ? [at(queryKeys.simulatedMailbox(email), INVALIDATION_DELAY_MS.detail)] : []),
  ],
  // My own calls are replaced from the event itself (it carries the whole call); see useRealtimeInvalidation.
  'call.changed': (call) => [
    ...(call.ticketId ? [at(queryKeys.ticketCalls(call.ticketId), INVALIDATION_DELAY_MS.detail)] : []),
    at(queryKeys.callbacks, INVALIDATION_DELAY_MS.callbacks),
    at(queryKeys.monitor, INVALIDATION_DELAY_MS.callbacks),
    at(queryKeys.callStatsAll, INVALIDATION_DELAY_MS.callStats),
  ],
  'voice.simulator.changed': (event, cache) =>
    cache
      .getQueriesData<SimulatedCallView | null>({ queryKey: queryKeys.simulatedCalls })
      .filter(([key, call]) => key[2] === event.callSid || (call != null && concernsAddress(event, call.from)))
      .map(([key]) => at(key, INVALIDATION_DELAY_MS.detail)),
  // The live wall (agent-console/src/wall, supervisor/) applies figure and agent pushes itself. A figures push means
  // contacts moved: who waits re-reads at once; occupancy (per queue, per channel and in total, which pushes leave
  // out) calmly. An agent's change of state changes staffed time, so occupancy too: the same calm re-read.
  'wall.figures': () => [
    at(queryKeys.wallWaiting, INVALIDATION_DELAY_MS.list),
    at(queryKeys.wallFigures, INVALIDATION_DELAY_MS.campaignStats),
  ],
  'wall.agent': () => [at(queryKeys.wallFigures, INVALIDATION_DELAY_MS.campaignStats)],
  // Notifications of figures turning amber or red are the wall's own (wall/useThresholdNotices.ts).
  'wall.threshold': () => [],
  // An admin changed the thresholds or how figures count: the wall judges by the new ones, and re-reads its figures.
  'wall.settings': () => [
    at(queryKeys.wallSettings, INVALIDATION_DELAY_MS.detail),
    at(queryKeys.wallFigures, INVALIDATION_DELAY_MS.detail),
  ],
  'monitor.changed': () => [at(queryKeys.wallCalls, INVALIDATION_DELAY_MS.detail)],
  // The agent's "being monitored" line follows the event itself (wall/BeingMonitoredNotice.tsx).
  'call.monitored': () => [],
  // The badge itself follows 'ticket.changed', which the server sends with every clock change.
  'sla.alarm': ({ ticketId }) => [
    at(queryKeys.slaAtRisk, INVALIDATION_DELAY_MS.list),
    at(queryKeys.ticket(ticketId), INVALIDATION_DELAY_MS.detail),
    at(queryKeys.slaReportAll, INVALIDATION_DELAY_MS.callStats),
  ],
  // The answered ticket and customer get their own 'ticket.changed' / 'customer.changed'.
  'survey.low_score': () => [at(queryKeys.surveys, INVALIDATION_DELAY_MS.surveys)],
  'customer.at_risk': ({ customer }) => [
    at(queryKeys.atRiskCustomers, INVALIDATION_DELAY_MS.list),
    at(queryKeys.customer(customer.id), INVALIDATION_DELAY_MS.detail),
  ],
  'return_visit.changed': ({ ticketId }) => [
    at(queryKeys.returnVisits, INVALIDATION_DELAY_MS.list),
    at(queryKeys.ticket(ticketId), INVALIDATION_DELAY_MS.detail),
  ],
};

/** The queries a realtime event makes stale, judged against what the cache holds now. */
export function invalidationsFor<E extends RealtimeEventName>(
  event: E,
  payload: RealtimePayload<E>,
  cache: QueryClient,
  userId: string,
): Invalidation[] {
  return (RULES[event] as Rule<E>)(payload, cache, userId);
}
