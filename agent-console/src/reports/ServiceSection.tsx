import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ContactReportResponse } from '../../../server/http/wallApiTypes';
import { formatFigure } from '../wall/formatFigure';
import { periodLabel } from './periodLabel';
import { ReportChart, SERIES_COLOURS } from './ReportChart';
import type { ReportColumn } from './reportColumns';
import { contactsByPeriod, type ContactFigures } from './reportRows';
import { ReportTable } from './ReportTable';

type Row = { period?: string } & ContactFigures;

/** Service level and abandon rate, ASA and AHT per interval over every queue and channel chosen. */
export function ServiceSection({ report }: { report: ContactReportResponse }) {
  const { t, i18n } = useTranslation();
  const label = (period: unknown) => periodLabel(String(period), report.interval, i18n.language, report.timezone);
  const periods = contactsByPeriod(report.rows);
  const percent = (value: unknown) => formatFigure(typeof value === 'number' ? value : null, 'ratio', i18n.language);
  const clock = (value: unknown) => formatFigure(typeof value === 'number' ? value : null, 'seconds', i18n.language);
  const columns: ReportColumn<Row>[] = [
    {
      key: 'period',
      label: t('reports.period'),
      kind: 'text',
      value: (row) => (row.period ? label(row.period) : t('reports.total')),
    },
    { key: 'offered', label: t('wall.figure.offered'), kind: 'count', value: (row) => row.offered },
    { key: 'answered', label: t('wall.figure.answered'), kind: 'count', value: (row) => row.answered },
    { key: 'serviceLevel', label: t('wall.figure.serviceLevel'), kind: 'ratio', value: (row) => row.serviceLevel },
    { key: 'asaSeconds', label: t('wall.figure.asaSeconds'), kind: 'seconds', value: (row) => row.asaSeconds },
    { key: 'ahtSeconds', label: t('wall.figure.ahtSeconds'), kind: 'seconds', value: (row) => row.ahtSeconds },
    { key: 'abandonRate', label: t('wall.figure.abandonRate'), kind: 'ratio', value: (row) => row.abandonRate },
  ];

  return (
    <section className="report-section" data-testid="report-service">
      <h2>{t('reports.section.service')}</h2>
      <div className="report-charts">
        <ReportChart title={t('reports.chart.service')} testId="report-service-chart">
          <LineChart data={periods} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={label} minTickGap={16} />
            <YAxis domain={[0, 1]} tickFormatter={percent} width={56} />
            <Tooltip labelFormatter={label} formatter={percent} />
            <Legend verticalAlign="top" />
            <Line
              dataKey="serviceLevel"
              name={t('wall.figure.serviceLevel')}
              stroke={SERIES_COLOURS[1]}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="abandonRate"
              name={t('wall.figure.abandonRate')}
              stroke={SERIES_COLOURS[2]}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ReportChart>
        <ReportChart title={t('reports.chart.times')} testId="report-times-chart">
          <LineChart data={periods} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={label} minTickGap={16} />
            <YAxis tickFormatter={clock} width={56} />
            <Tooltip labelFormatter={label} formatter={clock} />
            <Legend verticalAlign="top" />
            <Line
              dataKey="asaSeconds"
              name={t('wall.figure.asaSeconds')}
              stroke={SERIES_COLOURS[0]}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="ahtSeconds"
              name={t('wall.figure.ahtSeconds')}
              stroke={SERIES_COLOURS[3]}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ReportChart>
      </div>
      <ReportTable
        testId="report-service-table"
        columns={columns}
        rows={periods}
        totals={report.totals}
        fileName={`service-${report.from}-${report.to}-${report.interval}`}
      />
    </section>
  );
}
