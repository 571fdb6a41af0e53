import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Whether `target` fills the screen (the Fullscreen API), and a toggle for it. The toggle must run from a click:
 * browsers refuse full screen without one. Where the API is missing (or refused) the page still fills the window.
 */
export function useFullscreen(target: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(() => document.fullscreenElement != null);

  useEffect(() => {
    const update = () => setActive(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);

  const toggle = useCallback(async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await target.current?.requestFullscreen();
    } catch {
      // Refused (no user gesture, an iframe without permission): the wallboard fills the window anyway.
    }
  }, [target]);

  return { active, supported: document.fullscreenEnabled === true, toggle };
}
