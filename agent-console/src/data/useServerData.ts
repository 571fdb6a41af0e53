import { useReloadableData, type ServerData } from './useReloadableData';

export type { ServerData };

/** Data read from the server on mount and again whenever `refreshKey` changes; see useReloadableData. */
export function useServerData<T>(load: () => Promise<T>, refreshKey: unknown): ServerData<T> {
  const { data, error } = useReloadableData(load, refreshKey);
  return { data, error };
}
