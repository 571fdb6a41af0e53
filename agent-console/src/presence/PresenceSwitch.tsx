import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../server/http/apiTypes';
import { PresenceDot } from './PresenceDot';
import { choiceValue, presenceChoices } from './presenceChoices';
import { useAwayReasons, useRefreshAwayReasons } from './useAwayReasons';

interface Props {
  presence: Presence;
  /** The away reason code in force, when away with one. */
  awayReason: string | null;
  /** Resolves once the server has accepted the change; rejects to leave the old value shown. */
  onChange: (presence: Presence, reason: string | null) => Promise<void>;
}

export function PresenceSwitch({ presence, awayReason, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const reasons = useAwayReasons();
  const [pending, setPending] = useState<{ presence: Presence; reason: string | null } | null>(null);
  const [failed, setFailed] = useState(false);
  const shown = pending ?? { presence, reason: awayReason };
  const choices = presenceChoices(reasons.data ?? [], i18n.language, { presence, awayReason });
  const refreshReasons = useRefreshAwayReasons();

  const choose = async (value: string) => {
    const choice = choices.find((c) => c.value === value);
    if (!choice) return;
    setPending({ presence: choice.presence, reason: choice.reason });
    setFailed(false);
    try {
      await onChange(choice.presence, choice.reason);
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  };

  return (
    <label className="header-control" title={failed ? t('presence.changeFailed') : undefined}>
      <PresenceDot presence={shown.presence} />
      <span className="visually-hidden">{t('presence.label')}</span>
      <select
        data-testid="presence-switch"
        value={choiceValue(shown.presence, shown.reason)}
        aria-invalid={failed || undefined}
        onFocus={refreshReasons}
        onPointerDown={refreshReasons}
        onChange={(event) => void choose(event.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.reasonLabel
              ? t('presence.awayWithReason', { reason: choice.reasonLabel })
              : t(`presence.${choice.presence}`)}
          </option>
        ))}
      </select>
      {failed && <span className="header-control__error">{t('presence.changeFailed')}</span>}
    </label>
  );
}
