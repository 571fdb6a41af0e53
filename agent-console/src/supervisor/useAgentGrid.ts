import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { AgentGridRow } from '../../../server/http/wallApiTypes';
import { queryKeys } from '../data/queryKeys';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { wallApi } from '../wall/wallEndpoints';
import { applyRowPushes, rememberRowPush, type RowPushes } from './rowPushes';

/** Every watched agent's state and contacts: one read, then each `wall.agent` push applied as it lands. */
export function useAgentGrid() {
  const grid = useQuery({
    queryKey: queryKeys.wallAgents,
    queryFn: async () => {
      const readStartedAt = Date.now();
      return { ...(await wallApi.agents()), readStartedAt };
    },
  });
  const [pushes, setPushes] = useState<RowPushes<AgentGridRow>>(() => new Map());
  // A row the server answered with (after setting a state) counts as a push: it is at least as new as the last read.
  const applyRow = useCallback(
    (row: AgentGridRow) => setPushes((known) => rememberRowPush(known, row, Date.now())),
    [],
  );
  useRealtimeEvent('wall.agent', applyRow);

  const agents = useMemo(
    () => (grid.data ? applyRowPushes(grid.data.agents, pushes, grid.data.readStartedAt) : null),
    [grid.data, pushes],
  );
  return { agents, data: grid.data, error: grid.error, applyRow };
}
