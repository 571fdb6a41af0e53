import { useTranslation } from 'react-i18next';
import type { BusinessHoursView } from './adminApi';
import { weekSummary } from './weekSummary';

/** A calendar in one line: its week (or "around the clock"), its zone, and whether it is open now. */
export function HoursLabel({ hours }: { hours: BusinessHoursView | null }) {
  const { t } = useTranslation();
  if (!hours)
    return (
      <span data-testid="hours-label" data-open="true">
        {t('admin.hours.noHours')}
      </span>
    );
  const dayName = (day: number) => t(`admin.weekdayShort.${day}` as 'admin.weekdayShort.0');
  const { aroundTheClock, text } = weekSummary(hours.intervals, dayName, t('admin.hours.nextDay'));
  return (
    <span data-testid="hours-label" data-open={String(hours.openNow)}>
      <strong>{hours.name}</strong>{' '}
      <span className={hours.openNow ? 'status-badge badge--success' : 'status-badge badge--neutral'}>
        {hours.openNow ? t('admin.hours.openNow') : t('admin.hours.closedNow')}
      </span>
      <br />
      <span className="small">
        {aroundTheClock ? t('admin.hours.aroundTheClock') : text || t('admin.hours.neverOpen')} ({hours.timezone})
        {hours.holidays.length > 0 && ` · ${t('admin.hours.holidayCount', { count: hours.holidays.length })}`}
      </span>
    </span>
  );
}
