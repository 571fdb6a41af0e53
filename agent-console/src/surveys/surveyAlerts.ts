import type { AtRiskEvent, LowScoreEvent } from '../../../server/http/surveyApiTypes';

/** A live alert on a supervisor's screen: a low score that just arrived, or a customer who just became at risk. */
export type SurveyAlert =
  { id: string; kind: 'lowScore'; event: LowScoreEvent } | { id: string; kind: 'atRisk'; event: AtRiskEvent };

/** At most this many stay on screen; an older one makes room (the lists keep every one of them). */
export const MAX_ALERTS = 4;

export const lowScoreAlert = (event: LowScoreEvent): SurveyAlert => ({
  id: `low:${event.survey.id}`,
  kind: 'lowScore',
  event,
});

export const atRiskAlert = (event: AtRiskEvent): SurveyAlert => ({
  id: `risk:${event.customer.id}`,
  kind: 'atRisk',
  event,
});

/** The alerts with a new one on top; the same event heard twice (two sockets, a retry) shows once, refreshed. */
export function withAlert(alerts: readonly SurveyAlert[], alert: SurveyAlert): SurveyAlert[] {
  return [alert, ...alerts.filter((known) => known.id !== alert.id)].slice(0, MAX_ALERTS);
}

export const withoutAlert = (alerts: readonly SurveyAlert[], id: string): SurveyAlert[] =>
  alerts.filter((alert) => alert.id !== id);
