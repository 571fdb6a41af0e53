import { useStoredList } from '../useStoredList';
import { rememberEmail } from './simEmail';

/** Simulated customer addresses used lately in this browser, most recent first; kept across reloads. */
export function useRecentEmails(): [string[], (address: string) => void] {
  return useStoredList('switchboard.simulator.recentEmails', rememberEmail);
}
