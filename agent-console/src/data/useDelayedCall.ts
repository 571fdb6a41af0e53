import { useCallback, useEffect, useRef } from 'react';

/**
 * A function that calls `callback` `delayMs` after it is first called, once however often it is called
 * meanwhile: a stream of realtime events (a campaign sending ten texts a second) becomes a re-read at most
 * every `delayMs`, and never starves. `callback` must be stable.
 */
export function useDelayedCall(callback: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      callback();
    }, delayMs);
  }, [callback, delayMs]);
}
