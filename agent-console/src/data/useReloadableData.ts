import { useCallback, useEffect, useState } from 'react';

export interface ServerData<T> {
  /** The last successful answer; kept when a later refresh fails. */
  data: T | null;
  /** The error of the latest attempt, or null if it succeeded. */
  error: unknown;
}

export interface ReloadableData<T> extends ServerData<T> {
  /** Reads again now, e.g. after a realtime event said the data changed. */
  reload: () => void;
  /** Applies a change the server already confirmed (a mutation's answer) without waiting for the next read. */
  update: (change: (data: T) => T) => void;
}

/**
 * Loads on mount, whenever `refreshKey` changes (the realtime connection generation) and on reload();
 * can also be updated in place. `load` must be a stable function. An answer that arrives after a newer
 * request started is dropped.
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
    (change: (data: T) => T) =>
      setState((previous) => (previous.data === null ? previous : { ...previous, data: change(previous.data) })),
    [],
  );

  return { ...state, reload, update };
}
