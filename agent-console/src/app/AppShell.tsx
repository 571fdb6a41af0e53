import { RouterProvider } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { UserView } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { getMe } from '../api/endpoints';
import { withLatestPresence } from '../presence/latestPresence';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { createConsoleRouter } from '../router/consoleRouter';
import { SessionContext, type UpdateUser } from './session';

interface Props {
  user: UserView;
  updateUser: UpdateUser;
  onSignOut: () => Promise<void>;
}

/**
 * Everything after sign-in: the session for every page, the realtime connection (mounting it connects, unmounting
 * disconnects) and the router, which opens the page the address names (a deep link survives signing in).
 */
export function AppShell({ user, updateUser, onSignOut }: Props) {
  const [router] = useState(() => createConsoleRouter(user));
  const verifySession = useCallback(async () => {
    try {
      const { user: fresh } = await getMe();
      updateUser((known) => withLatestPresence(fresh, known));
      return true;
    } catch (error) {
      // A 401 has already sent the app back to sign-in; anything else is worth another try.
      return !(error instanceof ApiRequestError && error.status === 401);
    }
  }, [updateUser]);

  const session = useMemo(() => ({ user, updateUser, signOut: onSignOut }), [user, updateUser, onSignOut]);
  const context = useMemo(() => ({ user }), [user]);

  return (
    <SessionContext.Provider value={session}>
      <RealtimeProvider verifySession={verifySession}>
        <RouterProvider router={router} context={context} />
      </RealtimeProvider>
    </SessionContext.Provider>
  );
}
