import { z } from 'zod';
import { requireVisibleTicket } from '../../auth/ticketAccess';
import { activeCustomer } from '../../customers/activeCustomer';
import { computeCustomerHealth } from '../../health/customerHealth';
import { healthSettingsInput, loadHealthSettings, saveHealthSettings } from '../../health/healthSettings';
import {
  cancelReturnVisit,
  returnVisitListQuery,
  scheduleReturnVisits,
  scheduleReturnVisitsInput,
} from '../../surveys/returnVisits';
import { listReturnVisitViews } from '../../surveys/returnVisitViews';
import { sendCsv, toCsv } from '../csv';
import { showSurveyPage, submitSurveyPage } from '../../surveys/surveyPage';
import {
  atRiskCustomers,
  lowScoresQuery,
  recentLowScores,
  surveyComments,
  surveyCommentsQuery,
  surveyReport,
  surveyReportQuery,
} from '../../surveys/surveyReports';
import { listSurveySettings, saveSurveySettings, surveySettingsInput } from '../../surveys/surveySettings';
import { listCustomerSurveys, listTicketSurveys } from '../../surveys/surveyViews';
import { sendRecordingMedia } from '../../voice/recordingMedia';
import { HttpError, notFound } from '../httpError';
import { ADMINS, ANY_ROLE, route, SUPERVISORS } from '../route';
import { idParams } from '../validate';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a survey link') });

// Surveys, return visits (回访), customer health and their reports; the public pages an email survey links to.
export const surveyRoutes = [
  route({
    method: 'get',
    path: '/api/admin/survey-settings',
    access: ADMINS,
    summary: 'Every queue’s survey settings (a queue never set up has the defaults, surveys off).',
    handler: async ({ ctx }) => ({ queues: await listSurveySettings(ctx.sql) }),
  }),
  route({
    method: 'put',
    path: '/api/admin/survey-settings/:id',
    access: ADMINS,
    summary:
      'Replace a queue’s survey settings: channel and delay, keypad survey, scale, questions (en, zh-CN), throttle, expiry, low-score rule.',
    params: idParams,
    body: surveySettingsInput,
    handler: async ({ ctx, params, body, session }) => ({
      settings: await saveSurveySettings(ctx.sql, params.id, body, session.userId),
    }),
  }),
  route({
    method: 'get',
    path: '/api/admin/health-settings',
    access: ADMINS,
    summary: 'The customer health rules: reasons, weights, caps, complaint words and the at-risk threshold.',
    handler: async ({ ctx }) => ({ settings: await loadHealthSettings(ctx.sql) }),
  }),
  route({
    method: 'put',
    path: '/api/admin/health-settings',
    access: ADMINS,
    summary: 'Replace the customer health rules.',
    body: healthSettingsInput,
    handler: async ({ ctx, body, session }) => ({ settings: await saveHealthSettings(ctx.sql, body, session.userId) }),
  }),
  route({
    method: 'get',
    path: '/api/surveys',
    access: ANY_ROLE,
    summary: 'The surveys of a ticket (ticketId) or a customer (customerId) you may open, newest first.',
    query: z
      .object({ ticketId: z.uuid('must be a UUID').optional(), customerId: z.uuid('must be a UUID').optional() })
      .refine((q) => (q.ticketId === undefined) !== (q.customerId === undefined), {
        message: 'give either ticketId or customerId',
        path: ['ticketId'],
      }),
    async handler({ ctx, query, session }) {
      if (query.ticketId) {
        await requireVisibleTicket(ctx.sql, session, query.ticketId);
        return { surveys: await listTicketSurveys(ctx.sql, query.ticketId) };
      }
      await activeCustomer(ctx.sql, query.customerId!);
      return { surveys: await listCustomerSurveys(ctx.sql, query.customerId!, session) };
    },
  }),
  route({
    method: 'get',
    path: '/api/customers/:id/health',
    access: ANY_ROLE,
    summary: 'The customer’s health now: a score (100 = healthy) and the reasons that lowered it.',
    params: idParams,
    async handler({ ctx, params }) {
      await activeCustomer(ctx.sql, params.id);
      return { health: await computeCustomerHealth(ctx.sql, params.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/return-visits',
    access: SUPERVISORS,
    summary: 'Return visits (回访) on tickets you may open, newest first; by status (open, done, failed, canceled).',
    query: returnVisitListQuery,
    async handler({ ctx, query, session }) {
      const where = query.status ? ctx.sql`v.status = ${query.status}` : undefined;
      return { returnVisits: await listReturnVisitViews(ctx.sql, session, where) };
    },
  }),
  route({
    method: 'post',
    path: '/api/return-visits',
    access: SUPERVISORS,
    summary:
      'Schedule return visits (回访) for resolved tickets, named (ticketIds) or by filter (resolved days, queue, channel, assignee): each a callback or an SMS / email survey at dueAt. Answers those made (201) and those left out, with why.',
    body: scheduleReturnVisitsInput,
    async handler({ ctx, body, res, session }) {
      const result = await scheduleReturnVisits(ctx, session, body);
      res.status(201);
      return result;
    },
  }),
  route({
    method: 'delete',
    path: '/api/return-visits/:id',
    access: SUPERVISORS,
    summary: 'Cancel an open return visit: its callback is canceled, its survey never sent (409 when no longer open).',
    params: idParams,
    handler: async ({ ctx, params, session }) => ({ returnVisit: await cancelReturnVisit(ctx, session, params.id) }),
  }),
  route({
    method: 'get',
    path: '/api/reports/surveys',
    access: SUPERVISORS,
    summary:
      'Survey response rate and score (by the scale’s rule) from one day to another (UTC), grouped by day, week, month, agent, queue or channel; format=csv for a spreadsheet (UTF-8 with BOM).',
    query: surveyReportQuery,
    async handler({ ctx, query, res, session }) {
      const report = await surveyReport(ctx.sql, session, query);
      if (query.format === 'json') return report;
      sendCsv(
        res,
        `surveys-${query.groupBy}-${query.from}-${query.to}.csv`,
        toCsv(
          [query.groupBy, 'label', 'sent', 'answered', 'response_rate', `${query.scale}_score`, 'low_scores'],
          [...report.rows, { key: 'total', label: '', ...report.total }].map((r) => [
            r.key,
            r.label,
            r.sent,
            r.answered,
            r.responseRate,
            r.score,
            r.lowScores,
          ]),
        ),
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/surveys/comments',
    access: SUPERVISORS,
    summary: 'What customers wrote (or said) in their surveys, newest first; format=csv for a spreadsheet.',
    query: surveyCommentsQuery,
    async handler({ ctx, query, res, session }) {
      const comments = await surveyComments(ctx.sql, session, query);
      if (query.format === 'json') return { comments };
      sendCsv(
        res,
        `survey-comments-${query.from}-${query.to}.csv`,
        toCsv(
          ['answered_at', 'ticket', 'customer', 'agent', 'queue', 'channel', 'scale', 'score', 'low', 'comment'],
          comments.map((c) => [
            c.answeredAt,
            c.ticketNumber,
            c.customer.name,
            c.agent?.name,
            c.queue?.name,
            c.channel,
            c.scale,
            c.score,
            c.lowScore,
            c.comment,
          ]),
        ),
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/surveys/low-scores',
    access: SUPERVISORS,
    summary:
      'Low scores answered from one day to another (UTC), with or without a comment, newest first, on tickets you may open; of one queue with queueId.',
    query: lowScoresQuery,
    handler: async ({ ctx, query, session }) => ({ lowScores: await recentLowScores(ctx.sql, session, query) }),
  }),
  route({
    method: 'get',
    path: '/api/surveys/:id/comment-recording',
    access: ANY_ROLE,
    summary:
      'A keypad survey’s spoken comment as audio, on a ticket you may open: from its copy in the file store (Range requests seek), else streamed from Twilio until the copy is made.',
    params: idParams,
    async handler({ ctx, params, req, res, session }) {
      const [survey] = await ctx.sql<{ ticketId: string; sid: string | null; url: string | null }[]>`
        select ticket_id, comment_recording_sid as sid, comment_recording_url as url from surveys where id = ${params.id}`;
      if (!survey) throw notFound('Survey');
      await requireVisibleTicket(ctx.sql, session, survey.ticketId, 'Survey');
      if (!survey.sid || !survey.url) throw new HttpError(404, 'no_recording', 'This survey has no spoken comment.');
      await sendRecordingMedia(ctx, { sid: survey.sid, url: survey.url }, req.headers.range, res);
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/at-risk-customers',
    access: SUPERVISORS,
    summary: 'Customers whose health is at or below the at-risk threshold, lowest first; format=csv for a spreadsheet.',
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
    async handler({ ctx, query, res }) {
      const customers = await atRiskCustomers(ctx.sql);
      if (query.format === 'json') return { customers };
      sendCsv(
        res,
        'at-risk-customers.csv',
        toCsv(
          ['customer_id', 'customer', 'score', 'reasons', 'computed_at'],
          customers.map((c) => [c.customer.id, c.customer.name, c.score, c.reasons.join(' '), c.computedAt]),
        ),
      );
    },
  }),
  route({
    method: 'get',
    path: '/survey/:token',
    access: 'public',
    summary:
      'The survey page an email links to (HTML, the customer’s language): the choice, or with ?score=N the form that confirms it. Never records anything.',
    params: tokenParams,
    query: z.object({ score: z.string().max(4).optional() }),
    async handler({ ctx, params, query, res }) {
      await showSurveyPage(ctx, params.token, query.score, res);
    },
  }),
  route({
    method: 'post',
    path: '/survey/:token',
    access: 'public',
    summary:
      'Confirms a survey answer from its page (form: score, second=yes|no, comment); refused from other sites. Answers an HTML thank-you.',
    rawBody: true,
    params: tokenParams,
    async handler({ ctx, params, req, res }) {
      if (!req.headers['content-type']) throw new HttpError(415, 'unsupported_media_type', 'Send the survey form.');
      await submitSurveyPage(ctx, params.token, req, res);
    },
  }),
];
