import { useEffect, useRef } from 'react';

/** Calls the latest `callback` every `intervalMs` while `intervalMs` is not null (e.g. polling while something is in progress). */
export function useInterval(callback: () => void, intervalMs: number | null): void {
  const latest = useRef(callback);

  useEffect(() => {
    latest.current = callback;
  });

  useEffect(() => {
    if (intervalMs === null) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
}
