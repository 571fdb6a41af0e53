import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { Timestamp } from '../format/Timestamp';
import { surveyCsvUrls } from './surveyApi';
import { useAtRiskCustomers } from './surveyQueries';
import { CustomerLink } from './SurveyRowLinks';
import { SurveyTabs } from './SurveyTabs';

/** Supervisors: customers whose health is at or below the threshold, lowest first; 'customer.at_risk' re-reads it. */
export function AtRiskCustomersPage() {
  const { t } = useTranslation();
  const atRisk = useAtRiskCustomers();
  const { data } = atRisk;
  const customers = data ? [...data.customers].sort((a, b) => a.score - b.score) : [];

  return (
    <section className="page page--wide" data-testid="at-risk-page">
      <SurveyTabs current="atRisk" />
      <div className="survey-report-actions">
        <p className="muted">{t('surveys.atRisk.intro')}</p>
        <a className="button button--small" href={surveyCsvUrls.atRisk} download data-testid="at-risk-csv">
          {t('surveys.downloadCsv')}
        </a>
      </div>
      <LoadStatus data={data} error={atRisk.error} />
      {data && customers.length === 0 && <p className="muted">{t('surveys.atRisk.empty')}</p>}
      {customers.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="at-risk-customers">
            <thead>
              <tr>
                <th scope="col">{t('surveys.customer')}</th>
                <th scope="col" className="numeric">
                  {t('surveys.atRisk.score')}
                </th>
                <th scope="col">{t('surveys.atRisk.reasons')}</th>
                <th scope="col">{t('surveys.atRisk.computedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((row) => (
                <tr key={row.customer.id} data-testid="at-risk-row" data-customer-id={row.customer.id}>
                  <td>
                    <CustomerLink customer={row.customer} />
                  </td>
                  <td className="numeric">{row.score}</td>
                  <td>{row.reasons.map((kind) => t(`customerHealth.reasonName.${kind}`)).join(', ')}</td>
                  <td>
                    <Timestamp iso={row.computedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
