import type { SimulatorStatus } from '../../../server/http/apiTypes';
import { getSimulatorStatus } from '../api/simulatorEndpoints';
import { useServerData, type ServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';

/** Which simulators run; read at sign-in and on every reconnect (a restart may have added Twilio credentials or a mailbox). */
export function useSimulatorStatus(): ServerData<SimulatorStatus> {
  const { connectionGeneration } = useRealtime();
  return useServerData(getSimulatorStatus, connectionGeneration);
}
