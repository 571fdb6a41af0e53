import { useEffect, useState } from 'react';

/** The current time in ms, re-rendering every `intervalMs` so "x min ago" labels keep up. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
