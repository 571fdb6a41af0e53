import type {
  AtRiskCustomerView,
  CustomerHealthView,
  HealthSettings,
  LowScoresQuery,
  LowScoresResponse,
  QueueSurveySettings,
  ReturnVisitStatus,
  ReturnVisitView,
  ScheduleReturnVisitsInput,
  ScheduleReturnVisitsResponse,
  SurveyCommentsQuery,
  SurveyReportQuery,
  SurveyReportResponse,
  SurveySettingsInput,
  SurveySettingsListResponse,
  SurveyView,
} from '../../../server/http/surveyApiTypes';
import { requestJson } from '../api/request';

const query = (params: Record<string, string | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

/** Where the server's CSV of a report is (UTF-8 with BOM, for spreadsheets): a plain link downloads it. */
export const surveyCsvUrls = {
  report: ({ from, to, groupBy, scale }: SurveyReportQuery) =>
    `/api/reports/surveys?${query({ from, to, groupBy, scale, format: 'csv' })}`,
  comments: ({ from, to, queueId, agentId, lowOnly }: SurveyCommentsQuery) =>
    `/api/reports/surveys/comments?${query({ from, to, queueId, agentId, lowOnly: lowOnly || undefined, format: 'csv' })}`,
  atRisk: '/api/reports/at-risk-customers?format=csv',
};

export const surveyApi = {
  settings: () => requestJson<SurveySettingsListResponse>('/api/admin/survey-settings'),
  /** 400 with `fields` by path (delayMinutes, messages.zh-CN.question, …) when a setting is wrong. */
  saveSettings: (queueId: string, input: SurveySettingsInput) =>
    requestJson<{ settings: QueueSurveySettings }>(`/api/admin/survey-settings/${encodeURIComponent(queueId)}`, {
      method: 'PUT',
      body: input,
    }),
  healthSettings: () => requestJson<{ settings: HealthSettings }>('/api/admin/health-settings'),
  saveHealthSettings: (settings: HealthSettings) =>
    requestJson<{ settings: HealthSettings }>('/api/admin/health-settings', { method: 'PUT', body: settings }),

  customerHealth: (customerId: string) =>
    requestJson<{ health: CustomerHealthView }>(`/api/customers/${encodeURIComponent(customerId)}/health`),

  returnVisits: (status: ReturnVisitStatus | null) =>
    requestJson<{ returnVisits: ReturnVisitView[] }>(`/api/return-visits?${query({ status: status ?? undefined })}`),
  /** 400 with `fields` when the filter or method is wrong; tickets that cannot be revisited come back in `skipped`. */
  scheduleReturnVisits: (input: ScheduleReturnVisitsInput) =>
    requestJson<ScheduleReturnVisitsResponse>('/api/return-visits', { method: 'POST', body: input }),
  cancelReturnVisit: (id: string) =>
    requestJson<{ returnVisit: ReturnVisitView }>(`/api/return-visits/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    }),

  report: ({ from, to, groupBy, scale }: SurveyReportQuery) =>
    requestJson<SurveyReportResponse>(`/api/reports/surveys?${query({ from, to, groupBy, scale })}`),
  comments: ({ from, to, queueId, agentId, lowOnly }: SurveyCommentsQuery) =>
    requestJson<{ comments: SurveyView[] }>(
      `/api/reports/surveys/comments?${query({ from, to, queueId, agentId, lowOnly: lowOnly || undefined })}`,
    ),
  lowScores: ({ from, to, queueId }: LowScoresQuery) =>
    requestJson<LowScoresResponse>(`/api/reports/surveys/low-scores?${query({ from, to, queueId })}`),
  atRiskCustomers: () => requestJson<{ customers: AtRiskCustomerView[] }>('/api/reports/at-risk-customers'),
};
