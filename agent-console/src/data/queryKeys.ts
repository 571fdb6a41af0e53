import type { CallbackStatus } from '../api/callbackEndpoints';
import type { CallStatsQuery } from '../api/callStatsEndpoints';
import type { StatsQuery } from '../api/campaignEndpoints';

/**
 * Every server-state key, in one place: a realtime event or a mutation invalidates by these. A key that starts
 * with another's elements belongs to it (invalidating ['ticket', id] also re-reads that ticket's calls).
 */
export const queryKeys = {
  inbox: ['inbox'] as const,
  /** Every ticket view and search (views/useTicketView.ts keys each under this). */
  ticketViews: ['ticketViews'] as const,
  tickets: ['ticket'] as const,
  ticket: (ticketId: string) => ['ticket', ticketId] as const,
  ticketCalls: (ticketId: string) => ['ticket', ticketId, 'calls'] as const,

  customer: (customerId: string) => ['customer', customerId] as const,
  customerSearches: ['customerSearch'] as const,
  customerSearch: (q: string, limit?: number) => ['customerSearch', q, limit ?? null] as const,

  queues: ['directory', 'queues'] as const,
  agents: ['directory', 'agents'] as const,
  monitor: ['monitor'] as const,

  mailboxes: ['mailboxes'] as const,
  mailboxSettings: ['mailboxes', 'settings'] as const,
  mailboxHealth: ['mailboxes', 'health'] as const,
  failedMails: ['mailboxes', 'failed'] as const,
  undeliverableMails: ['mailboxes', 'undeliverable'] as const,

  campaignList: ['campaigns', 'list'] as const,
  campaign: (campaignId: string) => ['campaigns', 'report', campaignId] as const,
  campaignStatsAll: ['campaigns', 'stats'] as const,
  campaignStats: (query: StatsQuery) => ['campaigns', 'stats', query.period, query.from, query.to] as const,

  myCalls: ['calls', 'mine'] as const,
  callStatsAll: ['calls', 'stats'] as const,
  callStats: (query: CallStatsQuery) =>
    ['calls', 'stats', query.groupBy, query.from, query.to, query.agentId ?? null] as const,

  callbacks: ['callbacks'] as const,
  callbackList: (filter: { customerId?: string; statuses: readonly CallbackStatus[] }) =>
    ['callbacks', filter.customerId ?? null, filter.statuses.join(',')] as const,

  simulatorStatus: ['simulator', 'status'] as const,
  simulatedConversations: ['simulator', 'sms'] as const,
  simulatedConversation: (phone: string) => ['simulator', 'sms', phone] as const,
  simulatedMailbox: (address: string) => ['simulator', 'email', address] as const,
  simulatedCalls: ['simulator', 'call'] as const,
  simulatedCall: (sid: string) => ['simulator', 'call', sid] as const,

  voiceDevice: ['voice', 'device'] as const,
  ivr: ['ivr'] as const,
  businessHours: ['businessHours'] as const,
};
