import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultStatsRange } from '../campaigns/statsPeriod';
import { LoadStatus } from '../data/LoadStatus';
import { hitRateLines, REPORT_GROUPS, type ReportGroup } from './hitRateRows';
import { SlaBreachTable } from './SlaBreachTable';
import { slaCsvUrl, type SlaReportRange } from './slaEndpoints';
import { SlaHitRateChart } from './SlaHitRateChart';
import { SlaHitRateTable } from './SlaHitRateTable';
import { useSlaReport } from './useSlaReport';
import './sla.css';

/** Supervisors: SLA hit rates per target, queue, agent or channel, the breaches, and both as CSV. */
export function SlaReportPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<SlaReportRange>(() => defaultStatsRange());
  const [group, setGroup] = useState<ReportGroup>('byTarget');
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const report = useSlaReport(valid ? range : null);
  const { data } = report;
  const lines = data ? hitRateLines(data, group, t) : [];
  const groupLabel = t(`sla.report.groups.${group}`);

  return (
    <section className="page page--wide" data-testid="sla-report-page">
      <header className="page__header">
        <h1>{t('sla.report.title')}</h1>
        <p className="muted">{t('sla.report.intro')}</p>
      </header>
      <div className="stats-filters">
        <label className="form__field">
          <span>{t('sla.report.from')}</span>
          <input
            type="date"
            data-testid="sla-report-from"
            value={range.from}
            max={range.to}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label className="form__field">
          <span>{t('sla.report.to')}</span>
          <input
            type="date"
            data-testid="sla-report-to"
            value={range.to}
            min={range.from}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </label>
        <label className="form__field">
          <span>{t('sla.report.groupBy')}</span>
          <select
            data-testid="sla-report-group"
            value={group}
            onChange={(e) => setGroup(e.target.value as ReportGroup)}
          >
            {REPORT_GROUPS.map((option) => (
              <option key={option} value={option}>
                {t(`sla.report.groups.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('campaignStats.invalidRange')}
        </p>
      )}
      {valid && (
        <p className="sla-report-links">
          <a href={slaCsvUrl('hit-rates', range)} download data-testid="sla-csv-hit-rates">
            {t('sla.report.downloadHitRates')}
          </a>
          <a href={slaCsvUrl('breaches', range)} download data-testid="sla-csv-breaches">
            {t('sla.report.downloadBreaches')}
          </a>
        </p>
      )}
      {valid && <LoadStatus data={data} error={report.error} />}
      {data &&
        (lines.length === 0 ? (
          <p className="muted" data-testid="sla-report-empty">
            {t('sla.report.noData')}
          </p>
        ) : (
          <>
            <SlaHitRateChart lines={lines} groupLabel={groupLabel} />
            <SlaHitRateTable lines={lines} groupLabel={groupLabel} />
          </>
        ))}
      {data && (
        <>
          <h2>{t('sla.report.breachesHeading')}</h2>
          {data.breaches.length === 0 ? (
            <p className="muted">{t('sla.report.noBreaches')}</p>
          ) : (
            <SlaBreachTable breaches={data.breaches} />
          )}
        </>
      )}
    </section>
  );
}
