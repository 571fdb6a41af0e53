import type { AwayReasonView, Locale, Presence } from '../../../server/http/apiTypes';
import { toSupportedLocale } from '../i18n/locales';
import { PRESENCE_OPTIONS } from './presenceOptions';

/** One entry of a presence switch: a presence, and for away maybe the reason ("Away — Lunch"). */
export interface PresenceChoice {
  /** The <option> value: the presence, or `away:<code>`. */
  value: string;
  presence: Presence;
  reason: string | null;
  /** The reason's label in the reader's language (null: a plain presence). */
  reasonLabel: string | null;
}

export const choiceValue = (presence: Presence, awayReason: string | null | undefined) =>
  presence === 'away' && awayReason ? `away:${awayReason}` : presence;

/** A reason's label in the reader's language. */
export const awayReasonLabel = (labels: Record<Locale, string>, language: string) =>
  labels[toSupportedLocale(language)];

/**
 * The presences in the switch's order, each away reason right after plain Away. A reason the agent has but that is
 * no longer offered (an admin retired it meanwhile) stays listed, by its code, so the switch still shows it.
 */
export function presenceChoices(
  reasons: readonly AwayReasonView[],
  language: string,
  current?: { presence: Presence; awayReason: string | null },
): PresenceChoice[] {
  const away = reasons.map((r) => ({ code: r.code, label: awayReasonLabel(r.labels, language) }));
  const held = current?.presence === 'away' ? current.awayReason : null;
  if (held && !away.some((r) => r.code === held)) away.push({ code: held, label: held });
  return PRESENCE_OPTIONS.flatMap((presence): PresenceChoice[] => [
    { value: presence, presence, reason: null, reasonLabel: null },
    ...(presence === 'away'
      ? away.map((r) => ({ value: choiceValue('away', r.code), presence, reason: r.code, reasonLabel: r.label }))
      : []),
  ]);
}
