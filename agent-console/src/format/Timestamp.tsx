import { useTranslation } from 'react-i18next';
import { formatTimestamp } from './formatTimestamp';

/** Clock time for today, date and time otherwise; the full instant on hover. */
export function Timestamp({ iso, className }: { iso: string; className?: string }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString(i18n.language)} className={className}>
      {formatTimestamp(iso, i18n.language)}
    </time>
  );
}
