import { useTranslation } from 'react-i18next';
import type { SurveyReportGroup, SurveyReportQuery, SurveyScale } from '../../../server/http/surveyApiTypes';
import { SCALES } from './surveyChoices';

const GROUPS: SurveyReportGroup[] = ['day', 'week', 'month', 'agent', 'queue', 'channel'];

export type ReportFilter = Pick<SurveyReportQuery, 'from' | 'to' | 'groupBy' | 'scale'>;

/** Range of send days, grouping, and which scale's surveys (scores of different scales do not add up). */
export function SurveyReportFilters({
  filter,
  onChange,
}: {
  filter: ReportFilter;
  onChange: (f: ReportFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stats-filters">
      <label className="form__field">
        <span>{t('surveys.reports.from')}</span>
        <input
          type="date"
          data-testid="survey-report-from"
          value={filter.from}
          max={filter.to}
          onChange={(e) => onChange({ ...filter, from: e.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('surveys.reports.to')}</span>
        <input
          type="date"
          data-testid="survey-report-to"
          value={filter.to}
          min={filter.from}
          onChange={(e) => onChange({ ...filter, to: e.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('surveys.reports.groupBy')}</span>
        <select
          data-testid="survey-report-group"
          value={filter.groupBy}
          onChange={(e) => onChange({ ...filter, groupBy: e.target.value as SurveyReportGroup })}
        >
          {GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`surveys.reports.groups.${group}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form__field">
        <span>{t('surveys.reports.scale')}</span>
        <select
          data-testid="survey-report-scale"
          value={filter.scale}
          onChange={(e) => onChange({ ...filter, scale: e.target.value as SurveyScale })}
        >
          {SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {t(`surveys.scale.${scale}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
