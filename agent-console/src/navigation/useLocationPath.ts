import { useCallback, useEffect, useState } from 'react';

export type Navigate = (path: string, options?: { replace?: boolean }) => void;

/** The current pathname, kept in step with pushState/replaceState and the back/forward buttons. */
export function useLocationPath(): [string, Navigate] {
  const [path, setPath] = useState(() => window.location.pathname);

  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>((to, options = {}) => {
    if (to !== window.location.pathname) {
      if (options.replace) window.history.replaceState(null, '', to);
      else window.history.pushState(null, '', to);
    }
    setPath(to);
  }, []);

  return [path, navigate];
}
