import { useTranslation } from 'react-i18next';
import { FieldMessages } from './AdminField';
import type { CalendarDraft } from './calendarDraft';
import type { PathErrors } from './fieldErrors';
import { endsNextDay, WEEK_ORDER } from './weekSummary';

interface Props {
  intervals: CalendarDraft['intervals'];
  onChange: (intervals: CalendarDraft['intervals']) => void;
  errors: PathErrors;
}

/**
 * The open intervals of each weekday, several a day. One closing before it opens runs past midnight; 00:00 closes
 * at midnight. Intervals keep their place in the list the server checks, so its errors ("intervals.3.opens") land
 * by the right inputs.
 */
export function WeekEditor({ intervals, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<CalendarDraft['intervals'][number]>) =>
    onChange(intervals.map((interval, i) => (i === index ? { ...interval, ...change } : interval)));
  const remove = (index: number) => onChange(intervals.filter((_, i) => i !== index));
  const add = (weekday: number) => onChange([...intervals, { weekday, opens: '09:00', closes: '17:00' }]);

  return (
    <fieldset className="form-section" data-testid="week-editor">
      <legend>{t('admin.hours.week')}</legend>
      <small className="muted">{t('admin.hours.weekHint')}</small>
      {WEEK_ORDER.map((weekday) => {
        const day = intervals
          .map((interval, index) => ({ interval, index }))
          .filter((x) => x.interval.weekday === weekday);
        return (
          <div key={weekday} className="admin-week__day" data-testid="week-day" data-weekday={weekday}>
            <span className="admin-week__name">{t(`admin.weekday.${weekday}` as 'admin.weekday.0')}</span>
            <div className="admin-week__intervals">
              {day.length === 0 && <span className="muted small">{t('admin.hours.closedAllDay')}</span>}
              {day.map(({ interval, index }) => (
                <div key={index} className="admin-week__interval" data-testid="interval" data-index={index}>
                  <input
                    type="time"
                    aria-label={t('admin.hours.opens')}
                    data-testid="interval-opens"
                    value={interval.opens}
                    onChange={(e) => set(index, { opens: e.target.value })}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    aria-label={t('admin.hours.closes')}
                    data-testid="interval-closes"
                    value={interval.closes}
                    onChange={(e) => set(index, { closes: e.target.value })}
                  />
                  {endsNextDay(interval) && <span className="muted small">{t('admin.hours.nextDayLong')}</span>}
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="interval-remove"
                    onClick={() => remove(index)}
                  >
                    {t('admin.remove')}
                  </button>
                  <FieldMessages path={`intervals.${index}.opens`} errors={errors} />
                  <FieldMessages path={`intervals.${index}.closes`} errors={errors} />
                </div>
              ))}
              <button
                type="button"
                className="button button--small"
                data-testid="interval-add"
                onClick={() => add(weekday)}
              >
                {t('admin.hours.addInterval')}
              </button>
            </div>
          </div>
        );
      })}
      <FieldMessages path="intervals" errors={errors} />
    </fieldset>
  );
}
