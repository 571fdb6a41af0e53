import { useCallback, useEffect, useState } from 'react';
import type { ServerData } from './useServerData';

export interface ReloadableData<T> extends ServerData<T> {
  /** Reads again now, e.g. after a realtime event said the data changed. */
  reload: () => void;
  /** Applies a change the server already confirmed (a mutation's answer) without waiting for the next read. */
  update: (change: (data: T) => T) => void;
}

/**
 * Like useServerData, and also reloadable on demand and updatable in place. Loads on mount, whenever
 * `refreshKey` changes and on reload(); an answer that arrives after a newer request started is dropped.
 */
export function useReloadableData<T>(load: () => Promise<T>, refreshKey: unknown): ReloadableData<T> {
  const [state, setState] = useState<ServerData<T>>({ data: null, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [load, refreshKey, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const update = useCallback(
    (change: (data: T) => T) => setState((previous) => (previous.data === null ? previous : { ...previous, data: change(previous.data) })),
    [],
  );

  return { ...state, reload, update };
}
