import type { Role } from '../../../server/http/apiTypes';

/** Pages that have an entry in the navigation. */
export type Page = 'inbox' | 'customers' | 'supervisor' | 'account';

export const PAGE_PATHS: Record<Page, string> = {
  inbox: '/',
  customers: '/customers',
  supervisor: '/supervisor',
  account: '/account',
};

/** Where the console is: a navigation page, or one ticket or customer. `path` is the canonical address. */
export type Route =
  | { page: Page; path: string }
  | { page: 'ticket'; path: string; ticketId: string }
  | { page: 'customer'; path: string; customerId: string };

export const ticketPath = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`;
export const customerPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

export function canSupervise(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

/** Pages shown in the navigation for this role, in order. */
export function pagesFor(role: Role): Page[] {
  return canSupervise(role) ? ['inbox', 'customers', 'supervisor', 'account'] : ['inbox', 'customers', 'account'];
}

/** The navigation entry to highlight: a ticket belongs under the inbox, a customer under customers. */
export function navigationPageOf(route: Route): Page {
  if (route.page === 'ticket') return 'inbox';
  if (route.page === 'customer') return 'customers';
  return route.page;
}

/** The one path segment after `prefix`, decoded; null when the path has another shape or bad escapes. */
function idAfter(prefix: string, path: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!rest || rest.includes('/')) return null;
  try {
    const id = decodeURIComponent(rest);
    return id.trim() ? id : null;
  } catch {
    return null;
  }
}

/**
 * The route for a location path. Unknown paths and pages the role may not see fall back to
 * the inbox; `path` is then the address to put in the bar instead.
 */
export function resolveRoute(pathname: string, role: Role): Route {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;

  const ticketId = idAfter('/tickets/', normalised);
  if (ticketId) return { page: 'ticket', path: ticketPath(ticketId), ticketId };
  const customerId = idAfter('/customers/', normalised);
  if (customerId) return { page: 'customer', path: customerPath(customerId), customerId };

  const page = pagesFor(role).find((candidate) => PAGE_PATHS[candidate] === normalised) ?? 'inbox';
  return { page, path: PAGE_PATHS[page] };
}
