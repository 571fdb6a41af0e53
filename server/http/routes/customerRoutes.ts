import { computeCustomerHealth } from '../../health/customerHealth';
import { listCustomerSurveys } from '../../surveys/surveyViews';
import { activeCustomer } from '../../customers/activeCustomer';
import { publishCustomerChanged } from '../../customers/customerEvents';
import {
  addIdentity,
  canonicalIdentity,
  identityInput,
  identityParams,
  removeIdentity,
} from '../../customers/customerIdentities';
import { listAudit } from '../../audit/auditQueries';
import { findCustomerView, listInteractions } from '../../customers/customerQueries';
import { customerSearchQuery, searchCustomers } from '../../customers/customerSearch';
import { countHiddenCustomerTickets, listCustomerTickets } from '../../tickets/ticketQueries';
import { mergeCustomers, mergeInput } from '../../customers/mergeCustomers';
import { customerUpdate, updateCustomer } from '../../customers/updateCustomer';
import type { Sql } from '../../db/client';
import type { CustomerDetailResponse } from '../apiTypes';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

const customerBody = async (sql: Sql, id: string) => ({ customer: (await findCustomerView(sql, id))! });

// The customer screen: find a customer, see their history, correct their profile, and fold duplicates together.
export const customerRoutes = [
  route({
    method: 'get',
    path: '/api/customers',
    access: ANY_ROLE,
    summary:
      'Search customers by name, company, phone (any common format) or email; merged-away customers never appear.',
    query: customerSearchQuery,
    async handler({ ctx, query }) {
      return { customers: await searchCustomers(ctx.sql, query.q, query.limit, ctx.config.DEFAULT_PHONE_REGION) };
    },
  }),
  route({
    method: 'get',
    path: '/api/customers/:id',
    access: ANY_ROLE,
    summary:
      'One customer with the tickets you may open, their interactions across channels (newest first; never internal notes), how many other tickets they have (`hiddenTicketCount`) and the audit trail. A merged-away customer answers 404 `merged` naming the survivor.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<CustomerDetailResponse> {
      await activeCustomer(ctx.sql, id);
      const [{ customer }, tickets, hiddenTicketCount, interactions, audit, health, surveys] = await Promise.all([
        customerBody(ctx.sql, id),
        listCustomerTickets(ctx.sql, id, session),
        countHiddenCustomerTickets(ctx.sql, id, session),
        listInteractions(ctx.sql, id, 200, session),
        listAudit(ctx.sql, 'customer', id),
        computeCustomerHealth(ctx.sql, id),
        listCustomerSurveys(ctx.sql, id, session),
      ]);
      return { customer, tickets, hiddenTicketCount, interactions, audit, health, surveys };
    },
  }),
  route({
    method: 'patch',
    path: '/api/customers/:id',
    access: ANY_ROLE,
    summary: 'Change a customer’s name, company, notes or tags; only the fields given change.',
    params: idParams,
    body: customerUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      if (await updateCustomer(ctx.sql, id, body, session.userId)) await publishCustomerChanged(ctx, [id]);
      return customerBody(ctx.sql, id);
    },
  }),
  route({
    method: 'post',
    path: '/api/customers/:id/identities',
    access: ANY_ROLE,
    summary:
      'Add a phone or email to a customer (201; 200 when they already have it; 409 `identity_taken` when another customer has it).',
    params: idParams,
    body: identityInput,
    async handler({ ctx, params: { id }, body, res, session }) {
      const value = canonicalIdentity(body.kind, body.value, ctx.config.DEFAULT_PHONE_REGION);
      if (await addIdentity(ctx.sql, id, body.kind, value, session.userId)) {
        res.status(201);
        await publishCustomerChanged(ctx, [id]);
      }
      return customerBody(ctx.sql, id);
    },
  }),
  route({
    method: 'delete',
    path: '/api/customers/:id/identities/:identityId',
    access: ANY_ROLE,
    summary: 'Remove a phone or email from a customer.',
    params: identityParams,
    async handler({ ctx, params: { id, identityId }, session }) {
      await removeIdentity(ctx.sql, id, identityId, session.userId);
      await publishCustomerChanged(ctx, [id]);
      return customerBody(ctx.sql, id);
    },
  }),
  route({
    method: 'post',
    path: '/api/customers/:id/merge',
    access: ANY_ROLE,
    summary:
      'Merge another customer into this one: identities, tickets, calls and callbacks move here; the other is marked merged.',
    params: idParams,
    body: mergeInput,
    async handler({ ctx, params: { id }, body, session }) {
      const { survivorId, sourceId } = await mergeCustomers(ctx.sql, id, body.sourceCustomerId, session.userId);
      await publishCustomerChanged(ctx, [survivorId, sourceId]);
      return customerBody(ctx.sql, survivorId);
    },
  }),
];
