import { createRouter } from '@tanstack/react-router';
import type { UserView } from '../../../server/http/apiTypes';
import { PagePending } from '../app/PagePending';
import { routeTree } from './routeTree';

/** "/account/" is "/account": one address per page (the server answers both with the console). */
function dropTrailingSlash() {
  const { pathname, search, hash } = window.location;
  if (pathname.length > 1 && pathname.endsWith('/')) {
    window.history.replaceState(window.history.state, '', pathname.replace(/\/+$/, '') + search + hash);
  }
}

/** The router of one signed-in session: browser history, the routes of routeTree.tsx, the user for access checks. */
export function createConsoleRouter(user: UserView) {
  dropTrailingSlash();
  return createRouter({
    routeTree,
    context: { user },
    // Hovering or focusing a link starts loading its page's chunk.
    defaultPreload: 'intent',
    defaultPendingComponent: PagePending,
    scrollRestoration: true,
  });
}

export type ConsoleRouter = ReturnType<typeof createConsoleRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ConsoleRouter;
  }
}
