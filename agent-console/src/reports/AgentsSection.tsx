import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgentReportResponse, AgentReportRow } from '../../../server/http/wallApiTypes';
import { periodLabel } from './periodLabel';
import { ReportChart, SERIES_COLOURS } from './ReportChart';
import type { ReportColumn } from './reportColumns';
import { awayReasonLabel } from '../presence/presenceChoices';
import { activeAgentRows, agentTotals, awaySecondsFor, reportedAwayReasons } from './reportRows';
import { ReportTable } from './ReportTable';

const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;

/** Per agent: handled contacts over the range (a chart), and every interval's handling, occupancy and presence times. */
export function AgentsSection({ report }: { report: AgentReportResponse }) {
  const { t, i18n } = useTranslation();
  const label = (period: string) => periodLabel(period, report.interval, i18n.language, report.timezone);
  const columns: ReportColumn<AgentReportRow>[] = [
    { key: 'period', label: t('reports.period'), kind: 'text', value: (row) => label(row.period) },
    { key: 'agent', label: t('reports.agent'), kind: 'text', value: (row) => row.agentName },
    { key: 'handled', label: t('reports.agentFigure.handled'), kind: 'count', value: (row) => row.handled },
    { key: 'talk', label: t('reports.agentFigure.talk'), kind: 'seconds', value: (row) => row.talkSeconds },
    { key: 'hold', label: t('reports.agentFigure.hold'), kind: 'seconds', value: (row) => row.holdSeconds },
    { key: 'wrapUp', label: t('reports.agentFigure.wrapUp'), kind: 'seconds', value: (row) => row.wrapUpSeconds },
    { key: 'occupancy', label: t('wall.figure.occupancy'), kind: 'ratio', value: (row) => row.occupancy },
    ...PRESENCES.map((presence): ReportColumn<AgentReportRow> => ({
      key: presence,
      label: t(`presence.${presence}`),
      kind: 'seconds',
      value: (row) => row.presenceSeconds[presence],
    })),
    // Away time split by the reason the agent (or a supervisor) gave; "no reason" is away set by the system or bare.
    ...reportedAwayReasons(report).map((reason): ReportColumn<AgentReportRow> => {
      const known = report.awayReasons.find((r) => r.code === reason);
      const name =
        reason === null ? t('reports.noAwayReason') : known ? awayReasonLabel(known.labels, i18n.language) : reason;
      return {
        key: `away:${reason ?? 'none'}`,
        label: t('presence.awayWithReason', { reason: name }),
        kind: 'seconds',
        value: (row) => awaySecondsFor(row, reason),
      };
    }),
  ];

  return (
    <section className="report-section" data-testid="report-agents">
      <h2>{t('reports.section.agents')}</h2>
      <ReportChart title={t('reports.chart.agents')} testId="report-agents-chart">
        <BarChart data={agentTotals(report.rows)} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="agentName" interval={0} />
          <YAxis
            allowDecimals={false}
            width={48}
            label={{ value: t('reports.chart.count'), angle: -90, position: 'insideLeft' }}
          />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar
            dataKey="handled"
            name={t('reports.agentFigure.handled')}
            fill={SERIES_COLOURS[0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ReportChart>
      <ReportTable
        testId="report-agents-table"
        columns={columns}
        rows={activeAgentRows(report.rows)}
        fileName={`agents-${report.from}-${report.to}-${report.interval}`}
      />
    </section>
  );
}
