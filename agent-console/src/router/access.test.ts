import { describe, expect, it } from 'vitest';
import { mayOpen, visibleNavigation } from './access';
import { NAVIGATION } from './routeTree';

const pagesFor = (role: 'agent' | 'supervisor' | 'admin', options?: { simulator?: boolean }) =>
  visibleNavigation(NAVIGATION, role, options).map((entry) => entry.page);

describe('mayOpen', () => {
  it('lets everyone open pages for everyone, supervisors and admins theirs, admins all', () => {
    expect(['agent', 'supervisor', 'admin'].map((role) => mayOpen(undefined, role as never))).toEqual([
      true,
      true,
      true,
    ]);
    expect(mayOpen('supervisors', 'agent')).toBe(false);
    expect(mayOpen('supervisors', 'supervisor')).toBe(true);
    expect(mayOpen('supervisors', 'admin')).toBe(true);
    expect(mayOpen('admins', 'supervisor')).toBe(false);
    expect(mayOpen('admins', 'admin')).toBe(true);
  });
});

describe('the side navigation', () => {
  it('shows Supervisor, Mass SMS and Call statistics only to supervisors and admins', () => {
    for (const page of ['supervisor', 'campaigns', 'callStats'] as const) {
      expect(pagesFor('agent')).not.toContain(page);
      expect(pagesFor('supervisor')).toContain(page);
      expect(pagesFor('admin')).toContain(page);
    }
  });

  it('shows Mailboxes and Phone line only to admins, the phone line right after the mailboxes', () => {
    expect(pagesFor('supervisor')).not.toContain('mailboxes');
    expect(pagesFor('supervisor')).not.toContain('phone');
    const admin = pagesFor('admin');
    expect(admin.indexOf('phone')).toBe(admin.indexOf('mailboxes') + 1);
  });

  it('shows the inbox first, customers and callbacks to everyone, and account last', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      const pages = pagesFor(role);
      expect(pages[0]).toBe('inbox');
      expect(pages).toContain('customers');
      expect(pages).toContain('callbacks');
      expect(pages.at(-1)).toBe('account');
    }
  });

  it('lists the simulator only while one runs, just before Account', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(pagesFor(role)).not.toContain('simulator');
      expect(pagesFor(role, { simulator: true }).slice(-2)).toEqual(['simulator', 'account']);
    }
  });
});
