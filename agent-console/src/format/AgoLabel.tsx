import { useTranslation } from 'react-i18next';
import { elapsedSince } from './elapsed';

/** "2 min ago", with the full instant on hover. */
export function AgoLabel({ since, now }: { since: string; now: number }) {
  const { t, i18n } = useTranslation();
  const elapsed = elapsedSince(since, now);
  const text =
    elapsed.unit === 'justNow'
      ? t('time.justNow')
      : t('time.ago', { elapsed: t(`time.${elapsed.unit}`, { value: elapsed.value }) });
  return (
    <time dateTime={since} title={new Date(since).toLocaleString(i18n.language)}>
      {text}
    </time>
  );
}
