import { useEffect, useState } from 'react';

export interface ServerData<T> {
  /** The last successful answer; kept when a later refresh fails. */
  data: T | null;
  /** The error of the latest attempt, or null if it succeeded. */
  error: unknown;
}

/**
 * Loads on mount and again whenever `refreshKey` changes (the realtime connection generation).
 * `load` must be a stable function. An answer that arrives after a newer request started is dropped.
 */
export function useServerData<T>(load: () => Promise<T>, refreshKey: unknown): ServerData<T> {
  const [state, setState] = useState<ServerData<T>>({ data: null, error: null });

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [load, refreshKey]);

  return state;
}
