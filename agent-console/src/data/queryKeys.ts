import type { CallbackStatus } from '../api/callbackEndpoints';
import type { CallStatsQuery } from '../api/callStatsEndpoints';
import type { StatsQuery } from '../api/campaignEndpoints';
import type { ArticleFilter } from '../knowledge/knowledgeEndpoints';
import type { ReportQuery } from '../reports/reportEndpoints';
import type {
  LowScoresQuery,
  ReturnVisitStatus,
  SurveyCommentsQuery,
  SurveyReportQuery,
} from '../../../server/http/surveyApiTypes';

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
  // The live wall (agent-console/src/wall, supervisor/). Figures follow their pushes alone; the grid, waiting contacts
  // and live calls sit under ['monitor'], so the presence, ticket and call events that re-read the monitor re-read them.
  wallFigures: ['wall', 'figures'] as const,
  wallSettings: ['wall', 'settings'] as const,
  wallAgents: ['monitor', 'wall', 'agents'] as const,
  wallWaiting: ['monitor', 'wall', 'waiting'] as const,
  wallCalls: ['monitor', 'wall', 'calls'] as const,
  reportsAll: ['reports'] as const,
  report: (kind: 'contacts' | 'agents', query: ReportQuery) =>
    ['reports', kind, query.interval, query.from, query.to, query.queueId ?? null, query.channel ?? null] as const,

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
  awayReasons: ['awayReasons'] as const,
  simulatedConversations: ['simulator', 'sms'] as const,
  simulatedConversation: (phone: string) => ['simulator', 'sms', phone] as const,
  simulatedMailbox: (address: string) => ['simulator', 'email', address] as const,
  simulatedCalls: ['simulator', 'call'] as const,
  simulatedCall: (sid: string) => ['simulator', 'call', sid] as const,

  /** Surveys, return visits and at-risk customers (agent-console/src/surveys); a low score re-reads them all. */
  surveys: ['surveys'] as const,
  surveyReport: (query: SurveyReportQuery) =>
    ['surveys', 'report', query.groupBy, query.scale, query.from, query.to] as const,
  surveyComments: (query: SurveyCommentsQuery) =>
    [
      'surveys',
      'comments',
      query.from,
      query.to,
      query.queueId ?? null,
      query.agentId ?? null,
      !!query.lowOnly,
    ] as const,
  surveyLowScores: (query: LowScoresQuery) =>
    ['surveys', 'lowScores', query.from, query.to, query.queueId ?? null] as const,
  returnVisits: ['surveys', 'returnVisits'] as const,
  returnVisitList: (status: ReturnVisitStatus | null) => ['surveys', 'returnVisits', status] as const,
  atRiskCustomers: ['surveys', 'atRisk'] as const,

  /** The knowledge base (agent-console/src/knowledge): saving an article re-reads everything under `knowledge`. */
  knowledge: ['knowledge'] as const,
  knowledgePermissions: ['knowledge', 'permissions'] as const,
  knowledgeCategories: ['knowledge', 'categories'] as const,
  knowledgeArticles: (filter: ArticleFilter) =>
    ['knowledge', 'articles', filter.q, filter.state, filter.categoryId, filter.locale] as const,
  knowledgeSearch: (q: string, locale: string) => ['knowledge', 'search', q, locale] as const,
  knowledgeArticle: (articleId: string) => ['knowledge', 'article', articleId] as const,
  knowledgeRevisions: (articleId: string, locale: string) =>
    ['knowledge', 'article', articleId, 'revisions', locale] as const,
  knowledgeStats: (range: { from: string; to: string }) => ['knowledge', 'stats', range.from, range.to] as const,
  knowledgeEditors: ['knowledge', 'editors'] as const,
  /** Under the ticket's key: a new customer message re-reads the articles suggested for it. */
  articleSuggestions: (ticketId: string) => ['ticket', ticketId, 'articleSuggestions'] as const,

  voiceDevice: ['voice', 'device'] as const,
  ivr: ['ivr'] as const,
  businessHours: ['businessHours'] as const,

  /** SLA (agent-console/src/sla): the supervisors' at-risk list and the report; alarms and ticket changes re-read them. */
  slaAtRisk: ['sla', 'atRisk'] as const,
  slaReportAll: ['sla', 'report'] as const,
  slaReport: (range: { from: string; to: string }) => ['sla', 'report', range.from, range.to] as const,
};
