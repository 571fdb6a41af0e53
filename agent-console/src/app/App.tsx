import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import i18n from 'i18next';
import type { UserView } from '../../../server/http/apiTypes';
import { getMe, signOut } from '../api/endpoints';
import { onUnauthenticated } from '../api/request';
import { toSupportedLocale } from '../i18n/locales';
import { SignInPage } from '../signin/SignInPage';
import { AppShell } from './AppShell';
import type { UpdateUser } from './session';
import { LoadingScreen } from './LoadingScreen';

type Session = { status: 'checking' } | { status: 'signed-out' } | { status: 'signed-in'; user: UserView };

/** Decides between sign-in and the app, and owns the signed-in user. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const queryClient = useQueryClient();

  const startSession = useCallback((user: UserView) => {
    void i18n.changeLanguage(toSupportedLocale(user.locale));
    setSession({ status: 'signed-in', user });
  }, []);

  // Whoever signs in next must not see what this session read.
  const leave = useCallback(() => {
    setSession({ status: 'signed-out' });
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => onUnauthenticated(leave), [leave]);

  useEffect(() => {
    let current = true;
    getMe().then(
      ({ user }) => current && startSession(user),
      // 401 means "not signed in"; an unreachable server also leaves sign-in as the only thing to show.
      () => current && setSession({ status: 'signed-out' }),
    );
    return () => {
      current = false;
    };
  }, [startSession]);

  const updateUser = useCallback<UpdateUser>((update) => {
    setSession((previous) => {
      if (previous.status !== 'signed-in') return previous;
      const user = update(previous.user);
      return user === previous.user ? previous : { status: 'signed-in', user };
    });
  }, []);

  const endSession = useCallback(async () => {
    // Leave the console even if the server is unreachable; the cookie then simply expires on its own.
    await signOut().catch(() => undefined);
    leave();
  }, [leave]);

  switch (session.status) {
    case 'checking':
      return <LoadingScreen />;
    case 'signed-out':
      return <SignInPage onSignedIn={startSession} />;
    case 'signed-in':
      return <AppShell user={session.user} updateUser={updateUser} onSignOut={endSession} />;
  }
}
