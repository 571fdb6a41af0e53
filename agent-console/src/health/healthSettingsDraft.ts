import type { HealthReasonKind, HealthSettings } from '../../../server/http/surveyApiTypes';
import { HEALTH_REASONS } from '../surveys/surveyChoices';

export interface HealthRuleDraft {
  enabled: boolean;
  weight: string;
  maxPoints: string;
}

/** The health rules as typed: text in the number inputs, the complaint words one per line. */
export interface HealthSettingsDraft {
  atRiskThreshold: string;
  lookbackDays: string;
  repeatContactDays: string;
  volumeFactor: string;
  openTooLongDays: string;
  complaintWords: string;
  rules: Record<HealthReasonKind, HealthRuleDraft>;
}

export const healthSettingsDraft = (settings: HealthSettings): HealthSettingsDraft => ({
  atRiskThreshold: String(settings.atRiskThreshold),
  lookbackDays: String(settings.lookbackDays),
  repeatContactDays: String(settings.repeatContactDays),
  volumeFactor: String(settings.volumeFactor),
  openTooLongDays: String(settings.openTooLongDays),
  complaintWords: settings.complaintWords.join('\n'),
  rules: Object.fromEntries(
    HEALTH_REASONS.map((kind) => {
      const rule = settings.rules[kind];
      return [kind, { enabled: rule.enabled, weight: String(rule.weight), maxPoints: String(rule.maxPoints) }];
    }),
  ) as Record<HealthReasonKind, HealthRuleDraft>,
});

/** Empty or not a number goes out as null (JSON has no NaN), so the server's complaint shows by that field. */
const numberOf = (text: string): number => (text.trim() === '' ? null : Number(text.trim())) as number;

/** One word or phrase per line, trimmed, each once (ignoring case, as they are matched). */
export function complaintWordsOf(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().replace(/\s+/g, ' ');
    if (!word || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    words.push(word);
  }
  return words;
}

export const healthSettingsOf = (draft: HealthSettingsDraft): HealthSettings => ({
  atRiskThreshold: numberOf(draft.atRiskThreshold),
  lookbackDays: numberOf(draft.lookbackDays),
  repeatContactDays: numberOf(draft.repeatContactDays),
  volumeFactor: numberOf(draft.volumeFactor),
  openTooLongDays: numberOf(draft.openTooLongDays),
  complaintWords: complaintWordsOf(draft.complaintWords),
  rules: Object.fromEntries(
    HEALTH_REASONS.map((kind) => {
      const rule = draft.rules[kind];
      return [kind, { enabled: rule.enabled, weight: numberOf(rule.weight), maxPoints: numberOf(rule.maxPoints) }];
    }),
  ) as HealthSettings['rules'],
});
