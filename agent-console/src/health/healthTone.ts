import type { CustomerHealthView } from '../../../server/http/surveyApiTypes';

/** Red at risk, amber once anything counts against the customer, green with a clean record. */
export function healthTone(health: Pick<CustomerHealthView, 'atRisk' | 'reasons'>): 'danger' | 'warning' | 'success' {
  if (health.atRisk) return 'danger';
  return health.reasons.some((reason) => reason.points > 0) ? 'warning' : 'success';
}

/** The reasons that cost points, the heaviest first (the server's order among equals). */
export function weightiestReasons<R extends { points: number }>(reasons: readonly R[]): R[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .filter(({ reason }) => reason.points > 0)
    .sort((a, b) => b.reason.points - a.reason.points || a.index - b.index)
    .map(({ reason }) => reason);
}
