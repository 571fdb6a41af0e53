import { useCallback } from 'react';
import type { UserView } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { getMe } from '../api/endpoints';
import { withLatestPresence } from '../presence/latestPresence';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import type { UpdateUser } from './App';
import { SignedInLayout } from './SignedInLayout';

interface Props {
  user: UserView;
  updateUser: UpdateUser;
  onSignOut: () => Promise<void>;
}

/** Everything after sign-in; mounting it opens the realtime connection, unmounting closes it. */
export function AppShell({ user, updateUser, onSignOut }: Props) {
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

  return (
    <RealtimeProvider verifySession={verifySession}>
      <SignedInLayout user={user} updateUser={updateUser} onSignOut={onSignOut} />
    </RealtimeProvider>
  );
}
