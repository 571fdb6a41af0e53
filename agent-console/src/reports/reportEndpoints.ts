import type { Channel } from '../../../server/http/apiTypes';
import type { AgentReportResponse, ContactReportResponse, ReportInterval } from '../../../server/http/wallApiTypes';
import { requestJson } from '../api/request';

export interface ReportQuery {
  /** YYYY-MM-DD, both days included, in `timezone` (this browser's). */
  from: string;
  to: string;
  interval: ReportInterval;
  /** IANA zone the days and intervals are cut in: the browser's. */
  timezone: string;
  queueId?: string;
  channel?: Channel;
}

/**
 * The days chosen as the instants the server takes: from the first day's midnight up to (not including) the midnight
 * after the last day, in this browser's time zone (the one the report is cut in).
 */
export function dayRangeInstants(from: string, to: string): { from: string; to: string } {
  const midnight = (day: string, addDays: number) => {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(year, month - 1, date + addDays).toISOString();
  };
  return { from: midnight(from, 0), to: midnight(to, 1) };
}

function search({ from, to, interval, timezone, queueId, channel }: ReportQuery): URLSearchParams {
  const query = new URLSearchParams({ ...dayRangeInstants(from, to), interval, timezone });
  if (queueId) query.set('queueId', queueId);
  if (channel) query.set('channel', channel);
  return query;
}

/** Contacts by interval, queue and channel, with service level, ASA, AHT and abandon rate. */
export const getContactReport = (query: ReportQuery) =>
  requestJson<ContactReportResponse>(`/api/reports/contacts?${search(query)}`);

/** Per agent and interval: handled, talk, hold, wrap-up, occupancy and time in each presence. */
export const getAgentReport = ({ queueId: _queueId, channel: _channel, ...query }: ReportQuery) =>
  requestJson<AgentReportResponse>(`/api/reports/agents?${search(query)}`);
