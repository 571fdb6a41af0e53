import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../server/http/apiTypes';
import { PresenceDot } from './PresenceDot';
import { PRESENCE_OPTIONS } from './presenceOptions';

interface Props {
  presence: Presence;
  /** Resolves once the server has accepted the change; rejects to leave the old value shown. */
  onChange: (presence: Presence) => Promise<void>;
}

export function PresenceSwitch({ presence, onChange }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Presence | null>(null);
  const [failed, setFailed] = useState(false);
  const shown = pending ?? presence;

  const choose = async (next: Presence) => {
    setPending(next);
    setFailed(false);
    try {
      await onChange(next);
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  };

  return (
    <label className="header-control" title={failed ? t('presence.changeFailed') : undefined}>
      <PresenceDot presence={shown} />
      <span className="visually-hidden">{t('presence.label')}</span>
      <select
        data-testid="presence-switch"
        value={shown}
        aria-invalid={failed || undefined}
        onChange={(event) => void choose(event.target.value as Presence)}
      >
        {PRESENCE_OPTIONS.map((option) => (
          <option key={option} value={option}>
            {t(`presence.${option}`)}
          </option>
        ))}
      </select>
      {failed && <span className="header-control__error">{t('presence.changeFailed')}</span>}
    </label>
  );
}
