import { z } from 'zod';
import { agentReport, reportedAwayReasons } from '../../reports/agentReport';
import { contactReport } from '../../reports/contactReport';
import { sendCsv, toCsv } from '../csv';
import { reportQuery, requireFewPeriods } from '../../reports/reportPeriods';
import { CHANNELS } from '../apiTypes';
import { route, SUPERVISORS } from '../route';
import type { AgentReportResponse, ContactReportResponse } from '../wallApiTypes';

const CONTACT_COLUMNS = [
  'period',
  'queueName',
  'channel',
  'offered',
  'answered',
  'answeredWithinThreshold',
  'abandoned',
  'shortAbandoned',
  'callbacks',
  'transfers',
  'handled',
  'serviceLevel',
  'asaSeconds',
  'ahtSeconds',
  'abandonRate',
  'occupancy',
] as const;

// Historical reports, by the same definitions as the live wall; JSON, or CSV with ?format=csv.
export const reportRoutes = [
  route({
    method: 'get',
    path: '/api/reports/contacts',
    access: SUPERVISORS,
    summary: "Contacts by interval, queue and channel: service level, ASA, AHT, abandon rate (your teams' queues).",
    query: reportQuery.and(
      z.object({ queueId: z.uuid('must be a UUID').optional(), channel: z.enum(CHANNELS).optional() }),
    ),
    async handler({ ctx, session, query, res }): Promise<ContactReportResponse | undefined> {
      requireFewPeriods(query);
      const report = await contactReport(ctx.sql, session, query);
      if (query.format === 'json') return report;
      const rows = report.rows.map((r) => CONTACT_COLUMNS.map((c) => r[c]));
      sendCsv(res, 'contacts.csv', toCsv([...CONTACT_COLUMNS], rows));
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/agents',
    access: SUPERVISORS,
    summary:
      'Per agent and interval: handled, talk, hold and wrap-up time, occupancy, time in each state (your teams).',
    query: reportQuery.and(z.object({ agentId: z.uuid('must be a UUID').optional() })),
    async handler({ ctx, session, query, res }): Promise<AgentReportResponse | undefined> {
      requireFewPeriods(query);
      const report = await agentReport(ctx.sql, session, query);
      if (query.format === 'json') return report;
      const columns = [
        'period',
        'agentName',
        'handled',
        'talkSeconds',
        'holdSeconds',
        'wrapUpSeconds',
        'occupancy',
        'availableSeconds',
        'busySeconds',
        'awaySeconds',
        'offlineSeconds',
      ];
      // Away time per reason: a column for each reason with time in the report (`awaySeconds:none`, no reason given).
      const reasons = reportedAwayReasons(report);
      columns.push(...reasons.map((code) => `awaySeconds:${code ?? 'none'}`));
      const rows = report.rows.map((r) => [
        r.period,
        r.agentName,
        r.handled,
        r.talkSeconds,
        r.holdSeconds,
        r.wrapUpSeconds,
        r.occupancy,
        r.presenceSeconds.available,
        r.presenceSeconds.busy,
        r.presenceSeconds.away,
        r.presenceSeconds.offline,
        ...reasons.map((code) => r.awayByReason.find((a) => a.reason === code)?.seconds ?? 0),
      ]);
      sendCsv(res, 'agents.csv', toCsv(columns, rows));
    },
  }),
];
