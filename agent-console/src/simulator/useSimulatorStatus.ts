import { useQuery } from '@tanstack/react-query';
import { getSimulatorStatus } from '../api/simulatorEndpoints';
import { queryKeys } from '../data/queryKeys';

/** Which simulators run; read at sign-in and on every reconnect (a restart may have added Twilio credentials or a mailbox). */
export const useSimulatorStatus = () => useQuery({ queryKey: queryKeys.simulatorStatus, queryFn: getSimulatorStatus });
