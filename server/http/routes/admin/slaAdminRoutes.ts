import { z } from 'zod';
import { addCalendarHolidays } from '../../../sla/calendarHolidays';
import { countryHolidays, holidayCountries, icalHolidays } from '../../../sla/holidaySources';
import { recomputeOpenSla } from '../../../sla/recomputeSla';
import {
  insertSlaPolicy,
  listSlaPolicies,
  removeSlaPolicy,
  reorderSlaPolicies,
  replaceSlaPolicy,
} from '../../../sla/slaPolicies';
import { slaPolicyInput, slaPolicyOrderInput } from '../../../sla/slaPolicyInput';
import type { SlaPolicyListResponse } from '../../slaApiTypes';
import { ADMINS, route } from '../../route';
import { idParams } from '../../validate';

const MAX_ICS_CHARS = 2_000_000;

// SLA policies (first match wins, by position) and holidays brought into business-hours calendars. Every change
// re-places the due times of the open tickets it touches.
export const slaAdminRoutes = [
  route({
    method: 'get',
    path: '/api/admin/sla-policies',
    access: ADMINS,
    summary: 'All SLA policies in first-match order.',
    handler: async ({ ctx }): Promise<SlaPolicyListResponse> => ({ policies: await listSlaPolicies(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/sla-policies',
    access: ADMINS,
    summary:
      'Create an SLA policy (last in the order): match rules, business-minute targets, warning, quiet hours, alarm recipients, escalation.',
    body: slaPolicyInput,
    async handler({ ctx, body, res, session }) {
      const id = await ctx.sql.begin((tx) => insertSlaPolicy(tx, body, session.userId));
      await recomputeOpenSla(ctx, { all: true });
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/sla-policies/:id',
    access: ADMINS,
    summary: 'Replace an SLA policy; open tickets’ due times are recomputed.',
    params: idParams,
    body: slaPolicyInput,
    async handler({ ctx, params: { id }, body, session }) {
      await ctx.sql.begin((tx) => replaceSlaPolicy(tx, id, body, session.userId));
      await recomputeOpenSla(ctx, { all: true });
      return { id };
    },
  }),
  route({
    method: 'delete',
    path: '/api/admin/sla-policies/:id',
    access: ADMINS,
    summary: 'Delete an SLA policy; its open tickets follow the next matching policy, or none.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await ctx.sql.begin((tx) => removeSlaPolicy(tx, id, session.userId));
      await recomputeOpenSla(ctx, { all: true });
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/sla-policy-order',
    access: ADMINS,
    summary: 'Set the first-match order of the SLA policies (every id once).',
    body: slaPolicyOrderInput,
    async handler({ ctx, body, session }): Promise<SlaPolicyListResponse> {
      await ctx.sql.begin((tx) => reorderSlaPolicies(tx, body.ids, session.userId));
      await recomputeOpenSla(ctx, { all: true });
      return { policies: await listSlaPolicies(ctx.sql) };
    },
  }),
  route({
    method: 'post',
    path: '/api/admin/business-hours/:id/ical-holidays',
    access: ADMINS,
    summary: 'Add the days of an iCal file’s events to a calendar’s holidays (days it has are kept).',
    params: idParams,
    body: z.object({ ics: z.string().min(1, 'is required').max(MAX_ICS_CHARS, 'is too long') }),
    handler: ({ ctx, params: { id }, body, session }) =>
      addCalendarHolidays(ctx, id, icalHolidays(body.ics), 'ical', session.userId),
  }),
  route({
    method: 'post',
    path: '/api/admin/business-hours/:id/country-holidays',
    access: ADMINS,
    summary: 'Add a country’s (or region’s) public holidays of a year to a calendar (days it has are kept).',
    params: idParams,
    body: z.object({
      country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code, like FR'),
      region: z.string().trim().min(1).max(10).optional(),
      year: z.number().int().min(2000).max(2100),
    }),
    handler: ({ ctx, params: { id }, body, session }) =>
      addCalendarHolidays(
        ctx,
        id,
        countryHolidays(body.country.toUpperCase(), body.region, body.year),
        `country:${body.country.toUpperCase()}${body.region ? `-${body.region}` : ''}:${body.year}`,
        session.userId,
      ),
  }),
  route({
    method: 'get',
    path: '/api/admin/holiday-countries',
    access: ADMINS,
    summary: 'The countries whose public holidays can be added to a calendar.',
    handler: async () => ({ countries: holidayCountries() }),
  }),
];
