import { describe, expect, it } from 'vitest';
import { customerPath, navigationPageOf, pagesFor, resolveRoute, ticketPath } from './routes';

const ID = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';

describe('resolveRoute', () => {
  it('maps the navigation paths to their pages', () => {
    expect(resolveRoute('/', 'admin')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/supervisor', 'supervisor')).toEqual({ page: 'supervisor', path: '/supervisor' });
    expect(resolveRoute('/account', 'agent')).toEqual({ page: 'account', path: '/account' });
    expect(resolveRoute('/customers', 'agent')).toEqual({ page: 'customers', path: '/customers' });
  });

  it('tolerates a trailing slash', () => {
    expect(resolveRoute('/account/', 'agent')).toEqual({ page: 'account', path: '/account' });
    expect(resolveRoute('/customers/', 'agent')).toEqual({ page: 'customers', path: '/customers' });
    expect(resolveRoute(`/tickets/${ID}/`, 'agent')).toEqual({ page: 'ticket', path: `/tickets/${ID}`, ticketId: ID });
  });

  it('reads the id of a ticket and of a customer', () => {
    expect(resolveRoute(`/tickets/${ID}`, 'agent')).toEqual({ page: 'ticket', path: `/tickets/${ID}`, ticketId: ID });
    expect(resolveRoute(`/customers/${ID}`, 'supervisor')).toEqual({ page: 'customer', path: `/customers/${ID}`, customerId: ID });
  });

  it('decodes escaped ids and keeps them escaped in the canonical path', () => {
    expect(resolveRoute('/customers/a%20b', 'agent')).toEqual({ page: 'customer', path: '/customers/a%20b', customerId: 'a b' });
  });

  it('falls back to the inbox for a missing id, deeper paths and broken escapes', () => {
    expect(resolveRoute('/tickets', 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/tickets/', 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute(`/tickets/${ID}/edit`, 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/customers/%E0%A4%A', 'agent')).toEqual({ page: 'inbox', path: '/' });
  });

  it('sends agents away from the supervisor page', () => {
    expect(resolveRoute('/supervisor', 'agent')).toEqual({ page: 'inbox', path: '/' });
  });

  it('falls back to the inbox for unknown paths', () => {
    expect(resolveRoute('/nope', 'admin')).toEqual({ page: 'inbox', path: '/' });
  });
});

describe('paths', () => {
  it('builds the addresses resolveRoute reads back', () => {
    expect(resolveRoute(ticketPath(ID), 'agent')).toMatchObject({ page: 'ticket', ticketId: ID });
    expect(resolveRoute(customerPath(ID), 'agent')).toMatchObject({ page: 'customer', customerId: ID });
  });
});

describe('navigationPageOf', () => {
  it('highlights the inbox for a ticket and customers for a customer', () => {
    expect(navigationPageOf(resolveRoute(ticketPath(ID), 'agent'))).toBe('inbox');
    expect(navigationPageOf(resolveRoute(customerPath(ID), 'agent'))).toBe('customers');
    expect(navigationPageOf(resolveRoute('/account', 'agent'))).toBe('account');
  });
});

describe('pagesFor', () => {
  it('shows Supervisor only to supervisors and admins', () => {
    expect(pagesFor('agent')).not.toContain('supervisor');
    expect(pagesFor('supervisor')).toContain('supervisor');
    expect(pagesFor('admin')).toContain('supervisor');
  });

  it('shows Customers to everyone', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) expect(pagesFor(role)).toContain('customers');
  });
});
