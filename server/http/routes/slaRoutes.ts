import { z } from 'zod';
import { requireVisibleTicket } from '../../auth/ticketAccess';
import { listSlaAtRisk } from '../../sla/slaAtRisk';
import { previewSla, slaPreviewInput } from '../../sla/slaPreview';
import {
  BREACH_COLUMNS,
  breachesCsvRows,
  HIT_RATE_COLUMNS,
  hitRatesCsvRows,
  slaReport,
  slaReportQuery,
} from '../../sla/slaReport';
import { ticketSlaView } from '../../sla/slaTicketView';
import type { SlaAtRiskResponse } from '../slaApiTypes';
import { toCsv, sendCsv } from '../csv';
import { ADMINS, ANY_ROLE, route, SUPERVISORS } from '../route';
import { idParams } from '../validate';

// SLA for the people who work tickets: a ticket's clocks, the at-risk list, reports and the due-time preview.
export const slaRoutes = [
  route({
    method: 'get',
    path: '/api/tickets/:id/sla',
    access: ANY_ROLE,
    summary: 'A ticket’s SLA: its policy, its badge (most urgent open clock) and every clock it has had, with results.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await requireVisibleTicket(ctx.sql, session, id);
      return ticketSlaView(ctx.sql, id);
    },
  }),
  route({
    method: 'get',
    path: '/api/sla/at-risk',
    access: SUPERVISORS,
    summary: 'Open tickets whose SLA clock is at or past its warning time, or breached, most overdue first.',
    query: z.object({ queueId: z.uuid('must be a queue id').optional() }),
    handler: async ({ ctx, query, session }): Promise<SlaAtRiskResponse> => ({
      tickets: await listSlaAtRisk(ctx.sql, session, query.queueId),
    }),
  }),
  route({
    method: 'get',
    path: '/api/sla/report',
    access: SUPERVISORS,
    summary:
      'SLA hit rate per target, queue, agent and channel (clocks that ended from–to, UTC days) and the breaches.',
    query: slaReportQuery,
    handler: ({ ctx, query, session }) => slaReport(ctx.sql, session, query.from, query.to),
  }),
  route({
    method: 'get',
    path: '/api/sla/report/hit-rates.csv',
    access: SUPERVISORS,
    summary: 'The SLA hit rates as CSV (UTF-8 with BOM, so spreadsheets read Chinese names right).',
    query: slaReportQuery,
    async handler({ ctx, query, session, res }) {
      const report = await slaReport(ctx.sql, session, query.from, query.to);
      sendCsv(res, `sla-hit-rates-${query.from}-${query.to}.csv`, toCsv(HIT_RATE_COLUMNS, hitRatesCsvRows(report)));
    },
  }),
  route({
    method: 'get',
    path: '/api/sla/report/breaches.csv',
    access: SUPERVISORS,
    summary: 'The SLA breach list as CSV (UTF-8 with BOM).',
    query: slaReportQuery,
    async handler({ ctx, query, session, res }) {
      const report = await slaReport(ctx.sql, session, query.from, query.to);
      sendCsv(res, `sla-breaches-${query.from}-${query.to}.csv`, toCsv(BREACH_COLUMNS, breachesCsvRows(report)));
    },
  }),
  route({
    method: 'post',
    path: '/api/sla/preview',
    access: ADMINS,
    summary: 'When a ticket created at a given time in a queue would warn and be due, by the policy that would match.',
    body: slaPreviewInput,
    handler: ({ ctx, body }) => previewSla(ctx.sql, body),
  }),
];
