import { useTranslation } from 'react-i18next';
import { elapsedSince } from './elapsed';
import { formatTimestamp } from './formatTimestamp';

/** "14:05 · 12 min": the clock time plus how long ago, with the full instant on hover. */
export function SinceLabel({ since, now }: { since: string; now: number }) {
  const { t, i18n } = useTranslation();
  const elapsed = elapsedSince(since, now);
  const ago = elapsed.unit === 'justNow' ? t('time.justNow') : t(`time.${elapsed.unit}`, { value: elapsed.value });
  return (
    <time dateTime={since} title={new Date(since).toLocaleString(i18n.language)}>
      {formatTimestamp(since, i18n.language, new Date(now))}
      <span className="muted"> · {ago}</span>
    </time>
  );
}
