import type { Role } from '../../../server/http/apiTypes';

export type Page = 'inbox' | 'supervisor' | 'account';

export const PAGE_PATHS: Record<Page, string> = {
  inbox: '/',
  supervisor: '/supervisor',
  account: '/account',
};

export function canSupervise(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

/** Pages shown in the navigation for this role, in order. */
export function pagesFor(role: Role): Page[] {
  return canSupervise(role) ? ['inbox', 'supervisor', 'account'] : ['inbox', 'account'];
}

/**
 * The page for a location path. Unknown paths and pages the role may not see fall back to
 * the inbox; `path` is then the address to put in the bar instead.
 */
export function resolveRoute(pathname: string, role: Role): { page: Page; path: string } {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const page = pagesFor(role).find((candidate) => PAGE_PATHS[candidate] === normalised) ?? 'inbox';
  return { page, path: PAGE_PATHS[page] };
}
