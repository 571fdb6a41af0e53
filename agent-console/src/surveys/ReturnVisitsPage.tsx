import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnVisitStatus } from '../../../server/http/surveyApiTypes';
import { LoadStatus } from '../data/LoadStatus';
import { ReturnVisitRow } from './ReturnVisitRow';
import { ScheduleByFilterForm } from './ScheduleByFilterForm';
import { useReturnVisits } from './surveyQueries';
import { SurveyTabs } from './SurveyTabs';

const STATUSES: ReturnVisitStatus[] = ['open', 'done', 'failed', 'canceled'];

/** Supervisors: return visits (回访) by status, cancelling open ones, and scheduling more by filter. */
export function ReturnVisitsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReturnVisitStatus | null>('open');
  const visits = useReturnVisits(status);
  const { data } = visits;

  return (
    <section className="page page--wide" data-testid="return-visits-page">
      <SurveyTabs current="returnVisits" />
      <p className="muted">{t('surveys.returnVisits.intro')}</p>
      <ScheduleByFilterForm />
      <div className="stats-filters">
        <label className="form__field">
          <span>{t('surveys.returnVisits.statusFilter')}</span>
          <select
            data-testid="return-visit-status-filter"
            value={status ?? ''}
            onChange={(e) => setStatus((e.target.value || null) as ReturnVisitStatus | null)}
          >
            <option value="">{t('surveys.returnVisits.all')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`surveys.returnVisits.statuses.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadStatus data={data} error={visits.error} />
      {data && data.returnVisits.length === 0 && <p className="muted">{t('surveys.returnVisits.empty')}</p>}
      {data && data.returnVisits.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="return-visits">
            <thead>
              <tr>
                <th scope="col">{t('surveys.returnVisits.due')}</th>
                <th scope="col">{t('surveys.ticket')}</th>
                <th scope="col">{t('surveys.customer')}</th>
                <th scope="col">{t('surveys.returnVisits.method')}</th>
                <th scope="col">{t('surveys.returnVisits.reason')}</th>
                <th scope="col">{t('surveys.returnVisits.status')}</th>
                <th scope="col">{t('surveys.returnVisits.result')}</th>
                <th scope="col">{t('surveys.returnVisits.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('surveys.returnVisits.cancel')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.returnVisits.map((visit) => (
                <ReturnVisitRow key={visit.id} visit={visit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
