import type {
  CountryHolidaySeedInput,
  HolidayCountriesResponse,
  HolidayImportResponse,
  SlaAtRiskResponse,
  SlaPolicyInput,
  SlaPolicyListResponse,
  SlaPreviewInput,
  SlaPreviewResponse,
  SlaReportResponse,
} from '../../../server/http/slaApiTypes';
import { requestJson } from '../api/request';

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** A report's days, YYYY-MM-DD, both included. */
export interface SlaReportRange {
  from: string;
  to: string;
}

const reportQuery = ({ from, to }: SlaReportRange) => new URLSearchParams({ from, to }).toString();

/** The SLA API (server/http/slaApiTypes.ts lists every route). */
export const slaApi = {
  policies: () => requestJson<SlaPolicyListResponse>('/api/admin/sla-policies'),
  createPolicy: (input: SlaPolicyInput) =>
    requestJson<{ id: string }>('/api/admin/sla-policies', { method: 'POST', body: input }),
  updatePolicy: (id: string, input: SlaPolicyInput) =>
    requestJson<{ id: string }>(path('/api/admin/sla-policies', id), { method: 'PUT', body: input }),
  deletePolicy: (id: string) => requestJson<void>(path('/api/admin/sla-policies', id), { method: 'DELETE' }),
  reorderPolicies: (ids: string[]) =>
    requestJson<SlaPolicyListResponse>('/api/admin/sla-policy-order', { method: 'PUT', body: { ids } }),

  importIcalHolidays: (calendarId: string, ics: string) =>
    requestJson<HolidayImportResponse>(`${path('/api/admin/business-hours', calendarId)}/ical-holidays`, {
      method: 'POST',
      body: { ics },
    }),
  seedCountryHolidays: (calendarId: string, input: CountryHolidaySeedInput) =>
    requestJson<HolidayImportResponse>(`${path('/api/admin/business-hours', calendarId)}/country-holidays`, {
      method: 'POST',
      body: input,
    }),
  holidayCountries: () => requestJson<HolidayCountriesResponse>('/api/admin/holiday-countries'),

  preview: (input: SlaPreviewInput) =>
    requestJson<SlaPreviewResponse>('/api/sla/preview', { method: 'POST', body: input }),
  atRisk: () => requestJson<SlaAtRiskResponse>('/api/sla/at-risk'),
  report: (range: SlaReportRange) => requestJson<SlaReportResponse>(`/api/sla/report?${reportQuery(range)}`),
};

/** Where the browser downloads a report's CSV (a plain link: the session cookie goes with it). */
export const slaCsvUrl = (kind: 'hit-rates' | 'breaches', range: SlaReportRange) =>
  `/api/sla/report/${kind}.csv?${reportQuery(range)}`;
