import type { CallStatsResponse } from '../../../server/http/voiceApiTypes';
import { requestJson } from './request';

export type CallStatsGrouping = CallStatsResponse['groupBy'];

export interface CallStatsQuery {
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  groupBy: CallStatsGrouping;
  agentId?: string;
}

/** Supervisors and admins: calls by period (UTC) and agent. */
export function getCallStats({ from, to, groupBy, agentId }: CallStatsQuery) {
  const query = new URLSearchParams({ from, to, groupBy });
  if (agentId) query.set('agentId', agentId);
  return requestJson<CallStatsResponse>(`/api/reports/calls?${query}`);
}
