import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type BusinessHoursView } from './adminApi';
import { useAdminMutation } from './adminQueries';
import { AdminField } from './AdminField';
import { calendarDraft, newCalendarDraft, type CalendarDraft } from './calendarDraft';
import { DeleteButton } from './DeleteButton';
import { errorsByPath } from './fieldErrors';
import { HolidayImport } from '../sla/HolidayImport';
import { mergeHolidays } from '../sla/mergeHolidays';
import { HolidayEditor } from './HolidayEditor';
import { SaveStatus } from './SaveStatus';
import { WeekEditor } from './WeekEditor';

interface Props {
  /** null: a new calendar. */
  hours: BusinessHoursView | null;
  onCreated: (id: string) => void;
  onDeleted: () => void;
}

/** A business-hours calendar: its time zone, the open intervals of each weekday, and its holidays. */
export function CalendarForm({ hours, onCreated, onDeleted }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarDraft>(() => (hours ? calendarDraft(hours) : newCalendarDraft()));
  const update = (change: Partial<CalendarDraft>) => setDraft((current) => ({ ...current, ...change }));
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const save = useAdminMutation(
    (value: CalendarDraft) =>
      hours ? adminApi.updateBusinessHours(hours.id, value) : adminApi.createBusinessHours(value),
    ({ id }) => {
      if (!hours) onCreated(id);
    },
  );
  const remove = useAdminMutation(() => adminApi.deleteBusinessHours(hours!.id), onDeleted);
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="form card card--wide admin-form" data-testid="calendar-form" onSubmit={submit} noValidate>
      <h2>{hours ? hours.name : t('admin.hours.new')}</h2>
      <div className="form__row">
        <AdminField label={t('admin.hours.name')} path="name" errors={errors}>
          <input data-testid="calendar-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        </AdminField>
        <AdminField
          label={t('admin.hours.timezone')}
          path="timezone"
          errors={errors}
          hint={t('admin.hours.timezoneHint')}
        >
          <input
            data-testid="calendar-timezone"
            list="admin-time-zones"
            value={draft.timezone}
            onChange={(e) => update({ timezone: e.target.value })}
          />
        </AdminField>
        <datalist id="admin-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <WeekEditor intervals={draft.intervals} onChange={(intervals) => update({ intervals })} errors={errors} />
      <HolidayEditor holidays={draft.holidays} onChange={(holidays) => update({ holidays })} errors={errors} />
      {hours && (
        <HolidayImport
          calendarId={hours.id}
          onImported={(saved) => update({ holidays: mergeHolidays(draft.holidays, saved) })}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="calendar-save" disabled={save.isPending}>
          {hours ? t('admin.save') : t('admin.hours.create')}
        </button>
        {hours && <DeleteButton what={hours.name} testId="calendar-delete" onDelete={() => remove.mutate(undefined)} />}
      </div>
      <SaveStatus error={save.error ?? remove.error} saved={save.isSuccess} />
    </form>
  );
}
