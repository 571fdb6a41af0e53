import type { Role } from '../../../server/http/apiTypes';

/** Pages that have an entry in the navigation. */
export type Page =
  | 'inbox'
  | 'customers'
  | 'callbacks'
  | 'supervisor'
  | 'campaigns'
  | 'callStats'
  | 'mailboxes'
  | 'phone'
  | 'simulator'
  | 'account';

export const PAGE_PATHS: Record<Page, string> = {
  inbox: '/',
  customers: '/customers',
  callbacks: '/callbacks',
  supervisor: '/supervisor',
  campaigns: '/campaigns',
  callStats: '/reports/calls',
  mailboxes: '/admin/mailboxes',
  phone: '/admin/phone',
  simulator: '/simulator',
  account: '/account',
};

export const CAMPAIGN_STATS_PATH = '/campaigns/stats';

/** Where the console is: a navigation page, one ticket, customer or campaign, or the campaign statistics. `path` is the canonical address. */
export type Route =
  | { page: Page; path: string }
  | { page: 'ticket'; path: string; ticketId: string }
  | { page: 'customer'; path: string; customerId: string }
  | { page: 'campaign'; path: string; campaignId: string }
  | { page: 'campaignStats'; path: string };

export const ticketPath = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`;
export const customerPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;
export const campaignPath = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}`;

export function canSupervise(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

export interface NavigationOptions {
  /** A simulator runs (SMS without Twilio credentials, email without an active mailbox): show its page. */
  simulator?: boolean;
}

/** Pages shown in the navigation for this role, in order. */
export function pagesFor(role: Role, { simulator = false }: NavigationOptions = {}): Page[] {
  return [
    'inbox',
    'customers',
    'callbacks',
    ...(canSupervise(role) ? (['supervisor', 'campaigns', 'callStats'] as const) : []),
    ...(role === 'admin' ? (['mailboxes', 'phone'] as const) : []),
    ...(simulator ? (['simulator'] as const) : []),
    'account',
  ];
}

/** The navigation entry to highlight: a ticket belongs under the inbox, a customer under customers, a campaign under Mass SMS. */
export function navigationPageOf(route: Route): Page {
  if (route.page === 'ticket') return 'inbox';
  if (route.page === 'customer') return 'customers';
  if (route.page === 'campaign' || route.page === 'campaignStats') return 'campaigns';
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

const INBOX: Route = { page: 'inbox', path: PAGE_PATHS.inbox };

/**
 * The route for a location path. Unknown paths and pages the role may not see fall back to
 * the inbox; `path` is then the address to put in the bar instead. The simulator's address always
 * resolves (its page says when the simulator is off), even while the navigation does not list it.
 */
export function resolveRoute(pathname: string, role: Role): Route {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;

  const ticketId = idAfter('/tickets/', normalised);
  if (ticketId) return { page: 'ticket', path: ticketPath(ticketId), ticketId };
  const customerId = idAfter('/customers/', normalised);
  if (customerId) return { page: 'customer', path: customerPath(customerId), customerId };

  if (normalised === CAMPAIGN_STATS_PATH)
    return canSupervise(role) ? { page: 'campaignStats', path: CAMPAIGN_STATS_PATH } : INBOX;
  const campaignId = idAfter('/campaigns/', normalised);
  if (campaignId) return canSupervise(role) ? { page: 'campaign', path: campaignPath(campaignId), campaignId } : INBOX;

  const page = pagesFor(role, { simulator: true }).find((candidate) => PAGE_PATHS[candidate] === normalised);
  return page ? { page, path: PAGE_PATHS[page] } : INBOX;
}
