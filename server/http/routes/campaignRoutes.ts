import { z } from 'zod';
import { campaignStats, findCampaign, listCampaigns, listRecipients } from '../../campaigns/campaignQueries';
import { cancelCampaign } from '../../campaigns/campaignTasks';
import { campaignInput, createCampaign } from '../../campaigns/createCampaign';
import type { CampaignStatsResponse } from '../apiTypes';
import { HttpError, notFound } from '../httpError';
import { route, SUPERVISORS } from '../route';
import { calendarDay, idParams } from '../validate';

const day = calendarDay();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

// Mass SMS: supervisors and admins send one text to a chosen list of customers.
export const campaignRoutes = [
  route({
    method: 'get',
    path: '/api/sms-campaigns',
    access: SUPERVISORS,
    summary: 'Mass SMS campaigns, newest first, with their figures.',
    handler: async ({ ctx }) => ({ campaigns: await listCampaigns(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/sms-campaigns',
    access: SUPERVISORS,
    summary:
      'Send one text to chosen customers, now or at scheduledAt, at ratePerMinute; opted-out and phoneless customers are skipped.',
    body: campaignInput,
    async handler({ ctx, body, res, session }) {
      const id = await createCampaign(ctx, body, session.userId);
      res.status(201);
      return { campaign: await findCampaign(ctx.sql, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/sms-campaigns/stats',
    access: SUPERVISORS,
    summary: 'Texts sent, delivered, failed and skipped by period (day, week, month) and by sender.',
    query: z.object({
      period: z.enum(['day', 'week', 'month']).default('day'),
      from: day.optional(),
      to: day.optional(),
    }),
    async handler({ ctx, query }): Promise<CampaignStatsResponse> {
      const from = query.from ?? daysAgo(30);
      const to = query.to ?? daysAgo(0);
      if (from > to)
        throw new HttpError(400, 'invalid_input', 'from is after to.', [{ path: 'from', message: 'is after to' }]);
      return campaignStats(ctx.sql, query.period, from, to);
    },
  }),
  route({
    method: 'get',
    path: '/api/sms-campaigns/:id',
    access: SUPERVISORS,
    summary: 'A campaign’s report: its figures and every recipient’s status, skip reason or error.',
    params: idParams,
    async handler({ ctx, params: { id } }) {
      const campaign = await findCampaign(ctx.sql, id);
      if (!campaign) throw notFound('Campaign');
      return { campaign, recipients: await listRecipients(ctx.sql, id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/sms-campaigns/:id/cancel',
    access: SUPERVISORS,
    summary: 'Stop a scheduled or sending campaign: recipients not yet sent are skipped.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      if (!(await findCampaign(ctx.sql, id))) throw notFound('Campaign');
      if (!(await cancelCampaign(ctx, id, session.userId)))
        throw new HttpError(409, 'not_cancelable', 'Only a scheduled or sending campaign can be canceled.');
      return { campaign: await findCampaign(ctx.sql, id) };
    },
  }),
];
