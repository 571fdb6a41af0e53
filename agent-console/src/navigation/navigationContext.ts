import { createContext, useContext } from 'react';
import type { Navigate } from './useLocationPath';

export const NavigationContext = createContext<Navigate | null>(null);

/** In-app navigation (History API) for components deep in the page, e.g. links and after-action redirects. */
export function useNavigate(): Navigate {
  const navigate = useContext(NavigationContext);
  if (!navigate) throw new Error('useNavigate must be used inside <NavigationContext.Provider>');
  return navigate;
}
