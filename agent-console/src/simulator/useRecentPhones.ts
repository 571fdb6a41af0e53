import { useCallback, useState } from 'react';
import { rememberPhone } from './simPhone';

const STORAGE_KEY = 'switchboard.simulator.recentPhones';

function readStored(): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Simulated numbers used lately in this browser, most recent first; kept across reloads. */
export function useRecentPhones(): [string[], (phone: string) => void] {
  const [recent, setRecent] = useState(readStored);
  const remember = useCallback((phone: string) => {
    setRecent((known) => {
      const next = rememberPhone(known, phone);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full storage: the list then lasts as long as the page.
      }
      return next;
    });
  }, []);
  return [recent, remember];
}
