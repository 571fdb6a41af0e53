import { kickRouting } from '../../../routing/routingTasks';
import {
  businessHoursInput,
  createBusinessHours,
  deleteBusinessHours,
  listBusinessHours,
  updateBusinessHours,
} from '../../../settings/businessHoursSettings';
import { listQueues, queueInput, saveQueue } from '../../../settings/queueSettings';
import { recomputeOpenSla } from '../../../sla/recomputeSla';
import { ADMINS, route } from '../../route';
import { idParams } from '../../validate';

// Where contacts wait, and when each queue (and the phone line) is open.
export const queueAdminRoutes = [
  route({
    method: 'get',
    path: '/api/admin/queues',
    access: ADMINS,
    summary: 'All queues with skills, team, business hours, overflow and priority.',
    handler: async ({ ctx }) => ({ queues: await listQueues(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/queues',
    access: ADMINS,
    summary: 'Create a queue.',
    body: queueInput,
    async handler({ ctx, body, res, session }) {
      const id = await saveQueue(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/queues/:id',
    access: ADMINS,
    summary: 'Replace a queue’s settings.',
    params: idParams,
    body: queueInput,
    async handler({ ctx, params: { id }, body, session }) {
      await saveQueue(ctx.sql, body, session.userId, id);
      // Another calendar for the queue moves its open tickets' SLA due times.
      await recomputeOpenSla(ctx, { queueId: id });
      // Fewer skills or a higher priority may let waiting contacts be offered now.
      await kickRouting(ctx);
      return { id };
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/business-hours',
    access: ADMINS,
    summary: 'All business-hours calendars: intervals, holidays, whether each is open now and who follows it.',
    handler: async ({ ctx }) => ({ businessHours: await listBusinessHours(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/business-hours',
    access: ADMINS,
    summary:
      'Create a business-hours calendar: a time zone, intervals per weekday (closes before opens = overnight; 24:00 = end of day) and holidays.',
    body: businessHoursInput,
    async handler({ ctx, body, res, session }) {
      const id = await createBusinessHours(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/business-hours/:id',
    access: ADMINS,
    summary: 'Replace a calendar’s name, time zone, intervals and holidays.',
    params: idParams,
    body: businessHoursInput,
    async handler({ ctx, params: { id }, body, session }) {
      await updateBusinessHours(ctx.sql, id, body, session.userId);
      // The SLA calendar is the queue's business hours: open tickets' due times move with it.
      await recomputeOpenSla(ctx, { businessHoursId: id });
      return { id };
    },
  }),
  route({
    method: 'delete',
    path: '/api/admin/business-hours/:id',
    access: ADMINS,
    summary: 'Delete a calendar nothing follows; one a queue or the phone line follows is refused (409).',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await deleteBusinessHours(ctx.sql, id, session.userId);
    },
  }),
];
