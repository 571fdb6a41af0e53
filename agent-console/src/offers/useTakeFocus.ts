import { useEffect, useRef } from 'react';

/**
 * Focuses the element when it mounts (so what appears is announced and answers the keyboard at once), and gives
 * the focus back to where it was when it goes, if nothing else took it meanwhile.
 */
export function useTakeFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = ref.current;
    element?.focus();
    return () => {
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || (element !== null && element.contains(focus));
      if (lost && previous?.isConnected) previous.focus();
    };
  }, []);
  return ref;
}
