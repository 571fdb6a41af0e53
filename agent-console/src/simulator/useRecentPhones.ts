import { rememberPhone } from './simPhone';
import { useStoredList } from './useStoredList';

/** Simulated numbers used lately in this browser, most recent first; kept across reloads. */
export function useRecentPhones(): [string[], (phone: string) => void] {
  return useStoredList('switchboard.simulator.recentPhones', rememberPhone);
}
