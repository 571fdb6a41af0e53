import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { SlaHitRateRow, SlaReportResponse } from '../../../server/http/slaApiTypes';
import { requestJson } from '../api/request';
import { LoadStatus } from '../data/LoadStatus';
import { queryKeys } from '../data/queryKeys';
import { ReportChart, SERIES_COLOURS } from './ReportChart';
import type { ReportColumn } from './reportColumns';
import type { ReportQuery } from './reportEndpoints';
import { ReportTable } from './ReportTable';
import { useOptionalReport } from './useOptionalReport';

type Row = SlaHitRateRow & { breakdown: string };

/** SLA targets met and breached over the range, by target, queue and channel: where the SLA module provides them. */
export function SlaSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const range = new URLSearchParams({ from: query.from, to: query.to });
  const report = useOptionalReport(
    [...queryKeys.reportsAll, 'sla', query.from, query.to],
    () => requestJson<SlaReportResponse>(`/api/sla/report?${range}`),
    true,
  );
  if (report.missing) return null;
  const data = report.data;
  const rows: Row[] = data
    ? [
        ...data.byTarget.map((row) => ({ ...row, breakdown: t('reports.slaBreakdown.target') })),
        ...data.byQueue.map((row) => ({ ...row, breakdown: t('reports.slaBreakdown.queue') })),
        ...data.byChannel.map((row) => ({ ...row, breakdown: t('reports.slaBreakdown.channel') })),
      ]
    : [];
  const columns: ReportColumn<Row>[] = [
    { key: 'breakdown', label: t('reports.slaFigure.breakdown'), kind: 'text', value: (row) => row.breakdown },
    { key: 'label', label: t('reports.slaFigure.name'), kind: 'text', value: (row) => row.label },
    { key: 'met', label: t('reports.slaFigure.met'), kind: 'count', value: (row) => row.met },
    { key: 'breached', label: t('reports.slaFigure.breached'), kind: 'count', value: (row) => row.breached },
    { key: 'hitRate', label: t('reports.slaFigure.hitRate'), kind: 'ratio', value: (row) => row.hitRate },
  ];

  return (
    <section className="report-section" data-testid="report-sla">
      <h2>{t('reports.section.sla')}</h2>
      <LoadStatus data={data} error={report.error} />
      {data && (
        <>
          <ReportChart title={t('reports.chart.sla')} testId="report-sla-chart">
            <BarChart data={data.byTarget} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} />
              <YAxis allowDecimals={false} width={48} />
              <Tooltip />
              <Legend verticalAlign="top" />
              <Bar
                dataKey="met"
                stackId="sla"
                name={t('reports.slaFigure.met')}
                fill={SERIES_COLOURS[1]}
                isAnimationActive={false}
              />
              <Bar
                dataKey="breached"
                stackId="sla"
                name={t('reports.slaFigure.breached')}
                fill={SERIES_COLOURS[2]}
                isAnimationActive={false}
              />
            </BarChart>
          </ReportChart>
          <ReportTable
            testId="report-sla-table"
            columns={columns}
            rows={rows}
            fileName={`sla-${query.from}-${query.to}`}
          />
        </>
      )}
    </section>
  );
}
