import { z } from 'zod';
import { tagReport } from '../../tags/tagReport';
import { listTags } from '../../tags/tagQueries';
import { createTag, deleteTag, tagInput, tagUpdate, updateTag } from '../../tags/tagSettings';
import { setTicketTag } from '../../tags/ticketTags';
import type { TagReportResponse } from '../ticketViewApiTypes';
import { ANY_ROLE, route, SUPERVISORS } from '../route';
import { calendarDay, idParams } from '../validate';

const ticketTagParams = z.object({ id: z.uuid('must be a UUID'), tagId: z.uuid('must be a UUID') });

// Supervisors and admins keep the tag list; every agent puts existing tags on the tickets they may open.
export const tagRoutes = [
  route({
    method: 'get',
    path: '/api/tags',
    access: ANY_ROLE,
    summary: 'Every tag, by name, with how many tickets carry it.',
    handler: async ({ ctx }) => ({ tags: await listTags(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/tags',
    access: SUPERVISORS,
    summary: 'Add a tag: a name (unique whatever its case; 409 if taken) and an optional colour (#rrggbb).',
    body: tagInput,
    async handler({ ctx, body, res, session }) {
      res.status(201);
      return { tag: await createTag(ctx.sql, body, session.userId) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/tags/:id',
    access: SUPERVISORS,
    summary: 'Rename or recolour a tag; every ticket carrying it shows the change.',
    params: idParams,
    body: tagUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      return { tag: await updateTag(ctx.sql, id, body, session.userId) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/tags/:id',
    access: SUPERVISORS,
    summary: 'Delete a tag; it comes off every ticket.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await deleteTag(ctx.sql, id, session.userId);
    },
  }),
  route({
    method: 'put',
    path: '/api/tickets/:id/tags/:tagId',
    access: ANY_ROLE,
    summary: 'Put a tag on a ticket you may open (404 otherwise); answers the ticket’s tags. Audited on the ticket.',
    params: ticketTagParams,
    async handler({ ctx, params, session }) {
      return { tags: await setTicketTag(ctx, session, params.id, params.tagId, true) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/tickets/:id/tags/:tagId',
    access: ANY_ROLE,
    summary: 'Take a tag off a ticket you may open (404 otherwise); answers the ticket’s tags. Audited on the ticket.',
    params: ticketTagParams,
    async handler({ ctx, params, session }) {
      return { tags: await setTicketTag(ctx, session, params.id, params.tagId, false) };
    },
  }),
  route({
    method: 'get',
    path: '/api/reports/tags',
    access: SUPERVISORS,
    summary:
      'Tickets created from one day to another (UTC, both included) per tag, among the tickets you may open: {from, to, tickets, tags: [{id, name, color, tickets}]}.',
    query: z
      .object({ from: calendarDay(), to: calendarDay() })
      .refine((q) => q.to >= q.from, { message: 'must not be before from', path: ['to'] }),
    async handler({ ctx, query, session }): Promise<TagReportResponse> {
      return tagReport(ctx.sql, session, query);
    },
  }),
];
