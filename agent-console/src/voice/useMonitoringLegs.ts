import { useState } from 'react';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { applyMonitorSession, type MonitoringLegs } from './monitoringLegs';

/** My active monitoring legs, as the server tells me (in every window of mine) when I start or stop monitoring. */
export function useMonitoringLegs(): MonitoringLegs {
  const [legs, setLegs] = useState<MonitoringLegs>(() => new Set());
  useRealtimeEvent('monitor.changed', (session) => setLegs((known) => applyMonitorSession(known, session)));
  return legs;
}
