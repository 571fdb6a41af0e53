import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayImportResponse } from '../../../server/http/slaApiTypes';
import { useAdminMutation } from '../admin/adminQueries';
import { FieldMessages } from '../admin/AdminField';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { useHolidayCountries } from './slaAdminQueries';
import { slaApi } from './slaEndpoints';

interface Props {
  calendarId: string;
  /** The calendar's holidays after the import (already saved on the server). */
  onImported: (holidays: HolidayImportResponse['holidays']) => void;
}

/** Adds holidays to a saved calendar from an iCal file or a country's public holidays. */
export function HolidayImport({ calendarId, onImported }: Props) {
  const { t } = useTranslation();
  const countries = useHolidayCountries();
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState('');
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  const [added, setAdded] = useState<number | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const done = (result: HolidayImportResponse) => {
    setAdded(result.added);
    onImported(result.holidays);
  };
  const importIcal = useAdminMutation((ics: string) => slaApi.importIcalHolidays(calendarId, ics), done);
  const seed = useAdminMutation(
    () =>
      slaApi.seedCountryHolidays(calendarId, {
        country,
        year: Number(year),
        ...(region.trim() ? { region: region.trim() } : {}),
      }),
    done,
  );
  const errors = errorsByPath(seed.error ?? importIcal.error);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after a fix: clear the input so it fires again.
    event.target.value = '';
    if (!file) return;
    setAdded(null);
    setUnreadable(false);
    try {
      importIcal.mutate(await file.text());
    } catch {
      setUnreadable(true);
    }
  };

  return (
    <fieldset className="form-section" data-testid="holiday-import">
      <legend>{t('sla.holidays.heading')}</legend>
      <small className="muted">{t('sla.holidays.intro')}</small>
      <label className="form__field">
        <span>{t('sla.holidays.icalFile')}</span>
        <input
          type="file"
          accept=".ics,text/calendar"
          data-testid="holiday-ical-file"
          disabled={importIcal.isPending}
          onChange={(event) => void readFile(event)}
        />
        <FieldMessages path="ics" errors={errors} />
      </label>
      <div className="form__row">
        <label className="form__field">
          <span>{t('sla.holidays.country')}</span>
          <select data-testid="holiday-country" value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('sla.holidays.chooseCountry')}</option>
            {countries.data?.countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name} ({option.code})
              </option>
            ))}
          </select>
          <FieldMessages path="country" errors={errors} />
        </label>
        <label className="form__field">
          <span>{t('sla.holidays.region')}</span>
          <input data-testid="holiday-region" value={region} onChange={(e) => setRegion(e.target.value)} />
          <FieldMessages path="region" errors={errors} />
        </label>
        <label className="form__field">
          <span>{t('sla.holidays.year')}</span>
          <input type="number" data-testid="holiday-year" value={year} onChange={(e) => setYear(e.target.value)} />
          <FieldMessages path="year" errors={errors} />
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          data-testid="holiday-seed"
          disabled={!country || seed.isPending}
          onClick={() => {
            setAdded(null);
            seed.mutate(undefined);
          }}
        >
          {t('sla.holidays.seed')}
        </button>
      </div>
      {unreadable && <p className="notice notice--error">{t('sla.holidays.unreadable')}</p>}
      <SaveStatus error={seed.error ?? importIcal.error} saved={false} />
      {added !== null && (
        <p className="notice notice--success" role="status" data-testid="holiday-import-done">
          {t('sla.holidays.added', { count: added })}
        </p>
      )}
    </fieldset>
  );
}
