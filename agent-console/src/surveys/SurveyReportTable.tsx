import { useTranslation } from 'react-i18next';
import type { SurveyReportResponse, SurveyReportRow } from '../../../server/http/surveyApiTypes';
import { formatAggregateScore, formatRate } from './surveyScale';
import { useGroupLabel } from './useGroupLabel';

type Figures = Omit<SurveyReportRow, 'key' | 'label'>;

function FigureCells({ figures, scale }: { figures: Figures; scale: SurveyReportResponse['scale'] }) {
  const { i18n } = useTranslation();
  return (
    <>
      <td className="numeric" data-kind="sent">
        {figures.sent}
      </td>
      <td className="numeric" data-kind="answered">
        {figures.answered}
      </td>
      <td className="numeric" data-kind="responseRate">
        {formatRate(figures.responseRate, i18n.language)}
      </td>
      <td className="numeric" data-kind="score">
        {formatAggregateScore(scale, figures.score, i18n.language)}
      </td>
      <td className="numeric" data-kind="lowScores">
        {figures.lowScores}
      </td>
    </>
  );
}

/** The report's figures per group, with the period's total underneath. */
export function SurveyReportTable({ report }: { report: SurveyReportResponse }) {
  const { t } = useTranslation();
  const label = useGroupLabel(report.groupBy);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="survey-report-table">
        <thead>
          <tr>
            <th scope="col">{t(`surveys.reports.groups.${report.groupBy}`)}</th>
            <th scope="col" className="numeric">
              {t('surveys.reports.sent')}
            </th>
            <th scope="col" className="numeric">
              {t('surveys.reports.answered')}
            </th>
            <th scope="col" className="numeric">
              {t('surveys.reports.responseRate')}
            </th>
            <th scope="col" className="numeric">
              {t('surveys.reports.scoreColumn')}
            </th>
            <th scope="col" className="numeric">
              {t('surveys.reports.lowScores')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-testid="survey-report-row" data-key={row.key}>
              <th scope="row">{label(row)}</th>
              <FigureCells figures={row} scale={report.scale} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="survey-report-total">
            <th scope="row">{t('surveys.reports.total')}</th>
            <FigureCells figures={report.total} scale={report.scale} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
