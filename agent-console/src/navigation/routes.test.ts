import { describe, expect, it } from 'vitest';
import { pagesFor, resolveRoute } from './routes';

describe('resolveRoute', () => {
  it('maps the three paths to their pages', () => {
    expect(resolveRoute('/', 'admin')).toEqual({ page: 'inbox', path: '/' });
    expect(resolveRoute('/supervisor', 'supervisor')).toEqual({ page: 'supervisor', path: '/supervisor' });
    expect(resolveRoute('/account', 'agent')).toEqual({ page: 'account', path: '/account' });
  });

  it('tolerates a trailing slash', () => {
    expect(resolveRoute('/account/', 'agent')).toEqual({ page: 'account', path: '/account' });
  });

  it('sends agents away from the supervisor page', () => {
    expect(resolveRoute('/supervisor', 'agent')).toEqual({ page: 'inbox', path: '/' });
  });

  it('falls back to the inbox for unknown paths', () => {
    expect(resolveRoute('/nope', 'admin')).toEqual({ page: 'inbox', path: '/' });
  });
});

describe('pagesFor', () => {
  it('shows Supervisor only to supervisors and admins', () => {
    expect(pagesFor('agent')).not.toContain('supervisor');
    expect(pagesFor('supervisor')).toContain('supervisor');
    expect(pagesFor('admin')).toContain('supervisor');
  });
});
