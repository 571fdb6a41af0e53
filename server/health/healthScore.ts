import type { HealthReason, HealthReasonKind, HealthSettings } from '../http/surveyApiTypes';

/** What was seen of a customer, per reason: how often, and the specifics shown with it. */
export type HealthSignals = Record<HealthReasonKind, { count: number; details: string[] }>;

/**
 * The score from the signals: 100, less each enabled reason's weight per occurrence (capped at its maxPoints), never
 * below 0. Reasons that took points off are listed, the heaviest first.
 */
export function scoreHealth(signals: HealthSignals, settings: HealthSettings) {
  const reasons: HealthReason[] = [];
  for (const [kind, seen] of Object.entries(signals) as [HealthReasonKind, HealthSignals[HealthReasonKind]][]) {
    const rule = settings.rules[kind];
    if (!rule.enabled || seen.count <= 0) continue;
    const points = Math.min(rule.weight * seen.count, rule.maxPoints);
    if (points > 0) reasons.push({ kind, points, count: seen.count, details: seen.details });
  }
  reasons.sort((a, b) => b.points - a.points);
  const score = Math.max(0, 100 - reasons.reduce((sum, r) => sum + r.points, 0));
  return { score, atRisk: score <= settings.atRiskThreshold, reasons };
}

/** The complaint words found in what the customer wrote (case-insensitive; Chinese words match inside sentences). */
export function complaintWordsIn(texts: string[], words: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    const lower = text.toLowerCase();
    for (const word of words) {
      // Latin words match whole words ("cancel" in "cancelled" too, not in "scancel"); Han words anywhere.
      const hit = /^[\p{Script=Latin}\d\s'-]+$/u.test(word)
        ? new RegExp(`(^|[^\\p{L}\\d])${escapeRegExp(word)}`, 'u').test(lower)
        : lower.includes(word);
      if (hit) found.add(word);
    }
  }
  return [...found];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
