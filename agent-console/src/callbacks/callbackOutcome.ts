import type { TFunction } from 'i18next';

const OUTCOMES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
type KnownOutcome = (typeof OUTCOMES)[number];
const isKnownOutcome = (outcome: string): outcome is KnownOutcome => (OUTCOMES as readonly string[]).includes(outcome);

/** How an attempt ended ("talked", "no answer"); an outcome this console does not know is shown as the server wrote it. */
export const callbackOutcomeText = (outcome: string, t: TFunction) =>
  isKnownOutcome(outcome) ? t(`callbacks.outcome.${outcome}`) : outcome;
