import { useTranslation } from 'react-i18next';
import { AdminField } from '../admin/AdminField';
import type { PathErrors } from '../admin/fieldErrors';
import { RETURN_VISIT_METHODS, type ReturnVisitDraft, type ScheduledMethod } from './returnVisitDraft';

interface Props {
  draft: ReturnVisitDraft;
  onChange: (change: Partial<ReturnVisitDraft>) => void;
  errors: PathErrors;
}

/** How a return visit is made (callback, SMS or email survey), when, and a note for whoever makes it. */
export function ReturnVisitFields({ draft, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form__row">
        <AdminField label={t('surveys.returnVisits.schedule.method')} path="method" errors={errors}>
          <select
            data-testid="return-visit-method"
            value={draft.method}
            onChange={(e) => onChange({ method: e.target.value as ScheduledMethod })}
          >
            {RETURN_VISIT_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`surveys.returnVisits.methods.${method}`)}
              </option>
            ))}
          </select>
        </AdminField>
        <AdminField
          label={t('surveys.returnVisits.schedule.dueAt')}
          path="dueAt"
          errors={errors}
          hint={t('surveys.returnVisits.schedule.dueAtHint')}
        >
          <input
            type="datetime-local"
            data-testid="return-visit-due"
            value={draft.dueAt}
            onChange={(e) => onChange({ dueAt: e.target.value })}
          />
        </AdminField>
      </div>
      <AdminField label={t('surveys.returnVisits.schedule.note')} path="note" errors={errors}>
        <input
          data-testid="return-visit-note"
          value={draft.note}
          onChange={(e) => onChange({ note: e.target.value })}
        />
      </AdminField>
    </>
  );
}
