import type { SurveyScale } from '../../../server/http/surveyApiTypes';

/** The answers each scale takes, lowest first (CES: 7 = least effort, so higher is better on every scale). */
export const SCALE_RANGE: Record<SurveyScale, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

/** The server's defaults for "at or below this is low": CSAT ≤ 2, NPS ≤ 6 (a detractor), CES ≤ 3. */
export const DEFAULT_LOW_SCORE_THRESHOLD: Record<SurveyScale, number> = { csat: 2, nps: 6, ces: 3 };

export type ScoreTone = 'success' | 'warning' | 'danger' | 'neutral';

/** How one answer reads at a glance: low (at or below the threshold), good (CSAT 4–5, NPS promoter, CES 6–7), or middling. */
export function answerTone(scale: SurveyScale, score: number | null, low: boolean): ScoreTone {
  if (score === null) return 'neutral';
  if (low) return 'danger';
  const good = scale === 'csat' ? score >= 4 : scale === 'nps' ? score >= 9 : score >= 6;
  return good ? 'success' : 'warning';
}

/**
 * A period's or group's score by the scale's rule, as people quote it: CSAT as the share of 4–5 ("82%"), NPS as
 * promoters minus detractors with its sign ("+35", "−10"), CES as the mean to one decimal ("5.2"). "–" for none.
 */
export function formatAggregateScore(scale: SurveyScale, score: number | null, locale: string): string {
  if (score === null || !Number.isFinite(score)) return '–';
  if (scale === 'csat') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(score)}%`;
  if (scale === 'nps') {
    const whole = Math.round(score);
    return whole > 0 ? `+${whole}` : whole < 0 ? `−${Math.abs(whole)}` : '0';
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}

/** A response rate (0–1) as a whole percentage; "–" when nothing was sent. */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null || !Number.isFinite(rate)) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
