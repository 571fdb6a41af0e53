import { describe, expect, it } from 'vitest';
import { campaignPath, customerPath, navigationPageOf, pagesFor, resolveRoute, ticketPath } from './routes';

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
    expect(resolveRoute(`/customers/${ID}`, 'supervisor')).toEqual({
      page: 'customer',
      path: `/customers/${ID}`,
      customerId: ID,
    });
  });

  it('decodes escaped ids and keeps them escaped in the canonical path', () => {
    expect(resolveRoute('/customers/a%20b', 'agent')).toEqual({
      page: 'customer',
      path: '/customers/a%20b',
      customerId: 'a b',
    });
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

describe('resolveRoute for SMS pages', () => {
  it('opens the simulator for every role, whether or not the navigation lists it', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(resolveRoute('/simulator', role)).toEqual({ page: 'simulator', path: '/simulator' });
    }
    expect(resolveRoute('/simulator/', 'agent')).toEqual({ page: 'simulator', path: '/simulator' });
  });

  it('maps the mailbox settings for admins only', () => {
    expect(resolveRoute('/admin/mailboxes', 'admin')).toEqual({ page: 'mailboxes', path: '/admin/mailboxes' });
    expect(resolveRoute('/admin/mailboxes/', 'admin')).toEqual({ page: 'mailboxes', path: '/admin/mailboxes' });
    expect(resolveRoute('/admin/mailboxes', 'supervisor')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/admin/mailboxes', 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/admin/mailboxes/x', 'admin')).toEqual({ page: 'inbox', path: '/' });
  });

  it('maps the campaign list, one campaign and the statistics for supervisors and admins', () => {
    expect(resolveRoute('/campaigns', 'supervisor')).toEqual({ page: 'campaigns', path: '/campaigns' });
    expect(resolveRoute('/campaigns/', 'admin')).toEqual({ page: 'campaigns', path: '/campaigns' });
    expect(resolveRoute(`/campaigns/${ID}`, 'supervisor')).toEqual({
      page: 'campaign',
      path: `/campaigns/${ID}`,
      campaignId: ID,
    });
    expect(resolveRoute(`/campaigns/${ID}/`, 'admin')).toEqual({
      page: 'campaign',
      path: `/campaigns/${ID}`,
      campaignId: ID,
    });
    expect(resolveRoute('/campaigns/stats', 'supervisor')).toEqual({ page: 'campaignStats', path: '/campaigns/stats' });
    expect(resolveRoute('/campaigns/stats/', 'admin')).toEqual({ page: 'campaignStats', path: '/campaigns/stats' });
  });

  it('sends agents away from every Mass SMS page', () => {
    expect(resolveRoute('/campaigns', 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute(`/campaigns/${ID}`, 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/campaigns/stats', 'agent')).toEqual({ page: 'inbox', path: '/' });
  });

  it('falls back to the inbox for deeper campaign paths and broken escapes', () => {
    expect(resolveRoute(`/campaigns/${ID}/recipients`, 'admin')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/campaigns/%E0%A4%A', 'admin')).toEqual({ page: 'inbox', path: '/' });
  });
});

describe('paths', () => {
  it('builds the addresses resolveRoute reads back', () => {
    expect(resolveRoute(ticketPath(ID), 'agent')).toMatchObject({ page: 'ticket', ticketId: ID });
    expect(resolveRoute(customerPath(ID), 'agent')).toMatchObject({ page: 'customer', customerId: ID });
    expect(resolveRoute(campaignPath(ID), 'admin')).toMatchObject({ page: 'campaign', campaignId: ID });
    expect(resolveRoute(campaignPath('a b'), 'admin')).toEqual({
      page: 'campaign',
      path: '/campaigns/a%20b',
      campaignId: 'a b',
    });
  });
});

describe('navigationPageOf', () => {
  it('highlights the inbox for a ticket and customers for a customer', () => {
    expect(navigationPageOf(resolveRoute(ticketPath(ID), 'agent'))).toBe('inbox');
    expect(navigationPageOf(resolveRoute(customerPath(ID), 'agent'))).toBe('customers');
    expect(navigationPageOf(resolveRoute('/account', 'agent'))).toBe('account');
  });

  it('highlights Mass SMS for a campaign and for the statistics', () => {
    expect(navigationPageOf(resolveRoute(campaignPath(ID), 'supervisor'))).toBe('campaigns');
    expect(navigationPageOf(resolveRoute('/campaigns/stats', 'supervisor'))).toBe('campaigns');
    expect(navigationPageOf(resolveRoute('/simulator', 'agent'))).toBe('simulator');
  });
});

describe('pagesFor', () => {
  it('shows Mailboxes only to admins', () => {
    expect(pagesFor('agent')).not.toContain('mailboxes');
    expect(pagesFor('supervisor')).not.toContain('mailboxes');
    expect(pagesFor('admin')).toContain('mailboxes');
  });

  it('shows Supervisor only to supervisors and admins', () => {
    expect(pagesFor('agent')).not.toContain('supervisor');
    expect(pagesFor('supervisor')).toContain('supervisor');
    expect(pagesFor('admin')).toContain('supervisor');
  });

  it('shows Customers to everyone', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) expect(pagesFor(role)).toContain('customers');
  });

  it('shows Mass SMS only to supervisors and admins', () => {
    expect(pagesFor('agent')).not.toContain('campaigns');
    expect(pagesFor('supervisor')).toContain('campaigns');
    expect(pagesFor('admin')).toContain('campaigns');
  });

  it('shows the Simulator only while it runs, to every role, before Account', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(pagesFor(role)).not.toContain('simulator');
      expect(pagesFor(role, { simulator: true }).slice(-2)).toEqual(['simulator', 'account']);
    }
    expect(pagesFor('agent', { simulator: true })).toEqual(['inbox', 'customers', 'callbacks', 'simulator', 'account']);
    expect(pagesFor('admin', { simulator: true })).toEqual([
      'inbox',
      'customers',
      'callbacks',
      'supervisor',
      'campaigns',
      'callStats',
      'mailboxes',
      'phone',
      'simulator',
      'account',
    ]);
  });
});

describe('phone pages', () => {
  it('opens the phone line settings for admins only, next to Mailboxes', () => {
    expect(resolveRoute('/admin/phone', 'admin')).toEqual({ page: 'phone', path: '/admin/phone' });
    expect(resolveRoute('/admin/phone/', 'admin')).toEqual({ page: 'phone', path: '/admin/phone' });
    expect(resolveRoute('/admin/phone', 'supervisor')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/admin/phone', 'agent')).toEqual({ page: 'inbox', path: '/' });
    const adminPages = pagesFor('admin');
    expect(adminPages.indexOf('phone')).toBe(adminPages.indexOf('mailboxes') + 1);
    expect(pagesFor('supervisor')).not.toContain('phone');
  });

  it('opens the call statistics for supervisors and admins only', () => {
    expect(resolveRoute('/reports/calls', 'supervisor')).toEqual({ page: 'callStats', path: '/reports/calls' });
    expect(resolveRoute('/reports/calls', 'admin')).toEqual({ page: 'callStats', path: '/reports/calls' });
    expect(resolveRoute('/reports/calls', 'agent')).toEqual({ page: 'inbox', path: '/' });
    expect(pagesFor('agent')).not.toContain('callStats');
    expect(pagesFor('supervisor')).toContain('callStats');
  });

  it('opens the callbacks for every role', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(resolveRoute('/callbacks', role)).toEqual({ page: 'callbacks', path: '/callbacks' });
      expect(pagesFor(role)).toContain('callbacks');
    }
  });
});
