import { useTranslation } from 'react-i18next';
import { FieldMessages } from './AdminField';
import type { CalendarDraft } from './calendarDraft';
import type { PathErrors } from './fieldErrors';

interface Props {
  holidays: CalendarDraft['holidays'];
  onChange: (holidays: CalendarDraft['holidays']) => void;
  errors: PathErrors;
}

/** Dates the calendar is closed all day (in its own time zone), each with a name. */
export function HolidayEditor({ holidays, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<CalendarDraft['holidays'][number]>) =>
    onChange(holidays.map((holiday, i) => (i === index ? { ...holiday, ...change } : holiday)));
  return (
    <fieldset className="form-section" data-testid="holiday-editor">
      <legend>{t('admin.hours.holidays')}</legend>
      {holidays.length === 0 && <span className="muted small">{t('admin.hours.noHolidays')}</span>}
      {holidays.map((holiday, index) => (
        <div key={index} className="admin-week__interval" data-testid="holiday" data-index={index}>
          <input
            type="date"
            aria-label={t('admin.hours.holidayDay')}
            data-testid="holiday-day"
            value={holiday.day}
            onChange={(e) => set(index, { day: e.target.value })}
          />
          <input
            aria-label={t('admin.hours.holidayName')}
            placeholder={t('admin.hours.holidayName')}
            data-testid="holiday-name"
            value={holiday.name}
            onChange={(e) => set(index, { name: e.target.value })}
          />
          <button
            type="button"
            className="button button--small"
            data-testid="holiday-remove"
            onClick={() => onChange(holidays.filter((_, i) => i !== index))}
          >
            {t('admin.remove')}
          </button>
          <FieldMessages path={`holidays.${index}.day`} errors={errors} />
          <FieldMessages path={`holidays.${index}.name`} errors={errors} />
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          data-testid="holiday-add"
          onClick={() => onChange([...holidays, { day: '', name: '' }])}
        >
          {t('admin.hours.addHoliday')}
        </button>
      </div>
    </fieldset>
  );
}
