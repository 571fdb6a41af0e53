import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ContactReportResponse, ContactReportRow } from '../../../server/http/wallApiTypes';
import { CHANNELS } from '../wall/wallFigures';
import { periodLabel } from './periodLabel';
import { ReportChart, SERIES_COLOURS } from './ReportChart';
import type { ReportColumn } from './reportColumns';
import { offeredByChannel, type ContactFigures } from './reportRows';
import { ReportTable } from './ReportTable';

type Row = Partial<Pick<ContactReportRow, 'period' | 'queueName' | 'channel'>> & ContactFigures;

/** Contacts offered per interval by channel (a stacked chart), and every interval, queue and channel in a table. */
export function ContactsSection({ report }: { report: ContactReportResponse }) {
  const { t, i18n } = useTranslation();
  const label = (period: unknown) => periodLabel(String(period), report.interval, i18n.language, report.timezone);
  const figure = (key: keyof ContactFigures, name: string, kind: ReportColumn<Row>['kind']): ReportColumn<Row> => ({
    key,
    label: name,
    kind,
    value: (row) => row[key],
  });
  const columns: ReportColumn<Row>[] = [
    {
      key: 'period',
      label: t('reports.period'),
      kind: 'text',
      value: (row) => (row.period ? label(row.period) : t('reports.total')),
    },
    { key: 'queue', label: t('reports.queue'), kind: 'text', value: (row) => row.queueName ?? (row.period ? '—' : '') },
    {
      key: 'channel',
      label: t('reports.channel'),
      kind: 'text',
      value: (row) => (row.channel ? t(`channel.${row.channel}`) : ''),
    },
    figure('offered', t('wall.figure.offered'), 'count'),
    figure('answered', t('wall.figure.answered'), 'count'),
    figure('abandoned', t('wall.figure.abandoned'), 'count'),
    figure('shortAbandoned', t('wall.figure.shortAbandoned'), 'count'),
    figure('callbacks', t('wall.figure.callbacks'), 'count'),
    figure('transfers', t('reports.transfers'), 'count'),
    figure('serviceLevel', t('wall.figure.serviceLevel'), 'ratio'),
    figure('asaSeconds', t('wall.figure.asaSeconds'), 'seconds'),
    figure('ahtSeconds', t('wall.figure.ahtSeconds'), 'seconds'),
    figure('abandonRate', t('wall.figure.abandonRate'), 'ratio'),
    figure('occupancy', t('wall.figure.occupancy'), 'ratio'),
  ];

  return (
    <section className="report-section" data-testid="report-contacts">
      <h2>{t('reports.section.contacts')}</h2>
      <ReportChart title={t('reports.chart.contacts')} testId="report-contacts-chart">
        <BarChart data={offeredByChannel(report.rows)} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="period" tickFormatter={label} minTickGap={16} />
          <YAxis
            allowDecimals={false}
            width={48}
            label={{ value: t('reports.chart.count'), angle: -90, position: 'insideLeft' }}
          />
          <Tooltip labelFormatter={label} />
          <Legend verticalAlign="top" />
          {CHANNELS.map((channel, index) => (
            <Bar
              key={channel}
              dataKey={channel}
              stackId="offered"
              name={t(`channel.${channel}`)}
              fill={SERIES_COLOURS[index]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ReportChart>
      <ReportTable
        testId="report-contacts-table"
        columns={columns}
        rows={report.rows}
        totals={report.totals}
        fileName={`contacts-${report.from}-${report.to}-${report.interval}`}
      />
    </section>
  );
}
