import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { isValidRange, lastDaysUtc } from './reportRange';
import { chartRows } from './reportRows';
import { surveyCsvUrls } from './surveyApi';
import { SurveyComments } from './SurveyComments';
import { useSurveyReport } from './surveyQueries';
import { SurveyReportChart } from './SurveyReportChart';
import { SurveyReportFilters, type ReportFilter } from './SurveyReportFilters';
import { SurveyReportTable } from './SurveyReportTable';
import { SurveyTabs } from './SurveyTabs';

/** Supervisors: response rate and score by day, week or month, agent, queue or channel; chart, table, comments, CSV. */
export function SurveyReportsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ReportFilter>(() => ({ ...lastDaysUtc(30), groupBy: 'day', scale: 'csat' }));
  const valid = isValidRange(filter);
  const { data, error } = useSurveyReport(valid ? filter : null);

  return (
    <section className="page page--wide" data-testid="survey-reports" data-group-by={filter.groupBy}>
      <SurveyTabs current="reports" />
      <p className="muted">
        {t('surveys.reports.intro')} {t(`surveys.scaleRule.${filter.scale}`)}
      </p>
      <SurveyReportFilters filter={filter} onChange={setFilter} />
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('surveys.reports.invalidRange')}
        </p>
      )}
      {valid && <LoadStatus data={data} error={error} />}
      {valid && (
        <div className="survey-report-actions">
          <a
            className="button button--small"
            href={surveyCsvUrls.report(filter)}
            download
            data-testid="survey-report-csv"
          >
            {t('surveys.downloadCsv')}
          </a>
        </div>
      )}
      {data && data.rows.length === 0 && (
        <p className="muted" data-testid="survey-report-empty">
          {t('surveys.reports.empty')}
        </p>
      )}
      {data && data.rows.length > 0 && (
        <>
          <SurveyReportChart
            rows={chartRows(data.rows, data.groupBy, data.from, data.to)}
            group={data.groupBy}
            scale={data.scale}
          />
          <SurveyReportTable report={data} />
        </>
      )}
      {valid && <SurveyComments from={filter.from} to={filter.to} />}
    </section>
  );
}
