import { useCallback, useState } from 'react';

function readStored(storageKey: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** A short list kept in this browser across reloads (recent numbers, recent addresses); `remember` decides the order. */
export function useStoredList(
  storageKey: string,
  remember: (list: readonly string[], value: string) => string[],
): [string[], (value: string) => void] {
  const [list, setList] = useState(() => readStored(storageKey));
  const add = useCallback(
    (value: string) => {
      setList((known) => {
        const next = remember(known, value);
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(next));
        } catch {
          // Private mode or a full storage: the list then lasts as long as the page.
        }
        return next;
      });
    },
    [storageKey, remember],
  );
  return [list, add];
}
