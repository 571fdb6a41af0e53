import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { WallFiguresPush, WallFiguresResponse } from '../../../server/http/wallApiTypes';
import { queryKeys } from '../data/queryKeys';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { liveFigures, rememberPush, type QueuePushes } from './wallFigures';
import { wallApi } from './wallEndpoints';

/**
 * The live figures: one read, then every `wall.figures` push applied as it lands (no polling). A push about a queue
 * the read did not have (one just created, or newly watched) reads the figures again.
 */
export function useWallFigures() {
  const client = useQueryClient();
  const figures = useQuery({ queryKey: queryKeys.wallFigures, queryFn: wallApi.figures });
  const settings = useQuery({ queryKey: queryKeys.wallSettings, queryFn: wallApi.settings });
  const [pushes, setPushes] = useState<QueuePushes>(() => new Map());

  useRealtimeEvent('wall.figures', (push: WallFiguresPush) => {
    setPushes((known) => rememberPush(known, push));
    const shown = client.getQueryData<WallFiguresResponse>(queryKeys.wallFigures)?.queues;
    if (shown && push.queues.some((queue) => !shown.some((known) => known.queueId === queue.queueId)))
      void client.invalidateQueries({ queryKey: queryKeys.wallFigures });
  });

  const live = useMemo(() => (figures.data ? liveFigures(figures.data, pushes) : null), [figures.data, pushes]);
  return {
    live,
    data: figures.data,
    error: figures.error,
    thresholds: settings.data?.thresholds ?? [],
    /** Thresholds read (or unreadable): levels judged before would all look normal, then all rise at once. */
    thresholdsKnown: settings.data !== undefined || settings.error != null,
  };
}
