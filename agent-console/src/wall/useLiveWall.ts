import { useMemo } from 'react';
import { useNow } from '../format/useNow';
import { useRowLabel } from './useRowLabel';
import { useThresholdNotices, type NoticeInput } from './useThresholdNotices';
import { useWallFigures } from './useWallFigures';
import type { WallWindow } from './wallFigures';
import { observe, wallRows, type WallScope } from './wallRows';

/**
 * Everything the wall shows for a window and a scope, as of this second (so waits tick), with the notifications of
 * figures turning amber or red. Notifications judge today's figures per queue and in total, whatever is on screen.
 */
export function useLiveWall(figureWindow: WallWindow, scope: WallScope) {
  const { live, data, error, thresholds, thresholdsKnown } = useWallFigures();
  const now = useNow(1_000);
  const label = useRowLabel();

  const lines = useMemo(
    () => (live ? wallRows(live, scope, figureWindow, now) : null),
    [live, scope, figureWindow, now],
  );
  const inputs = useMemo<NoticeInput[]>(() => {
    if (!live || !thresholdsKnown) return [];
    const today = wallRows(live, 'queue', 'today', now);
    return observe([...today.rows, today.total], thresholds).map((observation) => ({
      key: observation.key,
      level: observation.level,
      scope: label(observation.row),
      figure: observation.figure,
      value: observation.row.figures[observation.figure.key],
    }));
  }, [live, now, thresholds, thresholdsKnown, label]);
  const { notices, dismiss } = useThresholdNotices(inputs);

  return { lines, live, data, error, thresholds, notices, dismiss, now };
}
