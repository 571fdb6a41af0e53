import { createContext, useContext } from 'react';
import type { UserView } from '../../../server/http/apiTypes';

export type UpdateUser = (update: (user: UserView) => UserView) => void;

/** The signed-in session, for every page: who is signed in, a way to change what we know of them, and sign-out. */
export interface Session {
  user: UserView;
  updateUser: UpdateUser;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionContext.Provider>');
  return session;
}

export const useCurrentUser = (): UserView => useSession().user;
