import type { SurveyScale } from '../http/surveyApiTypes';

/** The answers a scale takes, and the default "low" line: at or below it a supervisor is told. */
export const SCALE_RANGE: Record<SurveyScale, { min: number; max: number; defaultLow: number }> = {
  csat: { min: 1, max: 5, defaultLow: 2 },
  nps: { min: 0, max: 10, defaultLow: 6 },
  ces: { min: 1, max: 7, defaultLow: 3 },
};

/** "1-5", as the questions say it. */
export const scaleRangeText = (scale: SurveyScale) => `${SCALE_RANGE[scale].min}-${SCALE_RANGE[scale].max}`;

/**
 * A reply read as a score: only a whole number in the scale's range, alone (spaces, a trailing "#" or full-width
 * digits from a Chinese keyboard allowed). "5 stars, great" is not a score: it may be a new question.
 */
export function parseScore(scale: SurveyScale, text: string): number | null {
  const normalised = text
    .normalize('NFKC')
    .trim()
    .replace(/[#＃。.!！]+$/, '')
    .trim();
  if (!/^\d{1,2}$/.test(normalised)) return null;
  const score = Number(normalised);
  const { min, max } = SCALE_RANGE[scale];
  return score >= min && score <= max ? score : null;
}

const YES = new Set(['1', 'y', 'yes', 'yeah', 'yep', '是', '是的', '对', '有', '好']);
const NO = new Set(['2', 'n', 'no', 'nope', '否', '不', '不是', '没有', '没']);

/** A yes/no reply (keypad 1 = yes, 2 = no), or null when it is neither. */
export function parseYesNo(text: string): boolean | null {
  const word = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[#.!。！]+$/, '');
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

/**
 * The score of a set of answers by the scale's rule: CSAT the share of 4–5 (percent), NPS the percent of promoters
 * (9–10) minus the percent of detractors (0–6), CES the mean. Null without answers. Rounded to one decimal.
 */
export function aggregateScore(scale: SurveyScale, scores: number[]): number | null {
  if (scores.length === 0) return null;
  const share = (ok: (s: number) => boolean) => (100 * scores.filter(ok).length) / scores.length;
  const value =
    scale === 'csat'
      ? share((s) => s >= 4)
      : scale === 'nps'
        ? share((s) => s >= 9) - share((s) => s <= 6)
        : scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.round(value * 10) / 10;
}

/** The same rule in SQL over a column of scores (for reports grouped in the database); `column` is ours, never input. */
export function aggregateScoreSql(scale: SurveyScale, column: 's.score' | 'score' = 'score'): string {
  switch (scale) {
    case 'csat':
      return `round((100.0 * count(*) filter (where ${column} >= 4) / nullif(count(${column}), 0))::numeric, 1)`;
    case 'nps':
      return `round((100.0 * (count(*) filter (where ${column} >= 9) - count(*) filter (where ${column} <= 6)) / nullif(count(${column}), 0))::numeric, 1)`;
    case 'ces':
      return `round(avg(${column})::numeric, 1)`;
  }
}
