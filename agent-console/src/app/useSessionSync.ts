import { useEffect } from 'react';
import { getMe } from '../api/endpoints';
import { withLatestPresence } from '../presence/latestPresence';
import { useRealtime } from '../realtime/realtimeContext';
import type { UpdateUser } from './session';

/**
 * Keeps the signed-in user true to the server: re-reads /api/me on every (re)connect, since
 * presence may have changed while we were away, and applies live presence events about us.
 */
export function useSessionSync(updateUser: UpdateUser): void {
  const { connectionGeneration, onPresenceChanged } = useRealtime();

  useEffect(() => {
    if (connectionGeneration === 0) return; // The user was just loaded; nothing to catch up on yet.
    let current = true;
    getMe().then(
      ({ user: fresh }) => current && updateUser((known) => withLatestPresence(fresh, known)),
      // 401 is handled globally (back to sign-in); otherwise keep what we have and retry next connect.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [connectionGeneration, updateUser]);

  useEffect(
    () =>
      onPresenceChanged((event) =>
        updateUser((user) => (user.id === event.userId ? withLatestPresence(user, event) : user)),
      ),
    [onPresenceChanged, updateUser],
  );
}
