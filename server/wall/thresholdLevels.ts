import {
  THRESHOLD_FIGURES,
  type FigureLevel,
  type FigureSet,
  type ThresholdFigure,
  type ThresholdView,
} from '../http/wallApiTypes';

/** Service level is the one figure where lower is worse. */
const LOWER_IS_WORSE: ReadonlySet<ThresholdFigure> = new Set(['serviceLevel']);

function levelOf(figure: ThresholdFigure, value: number | null, t: ThresholdView | undefined): FigureLevel {
  if (value === null || !t) return 'normal';
  // A level is reached on reaching its limit, as the admin screen says and the console judges
  // (agent-console/src/wall/thresholdLevel.ts): the server's crossings must agree with the colours on screen.
  const beyond = (limit: number | null) =>
    limit !== null && (LOWER_IS_WORSE.has(figure) ? value <= limit : value >= limit);
  if (beyond(t.critical)) return 'critical';
  if (beyond(t.warning)) return 'warning';
  return 'normal';
}

/** A queue's own threshold for a figure, else the default one (queueId null). */
export function thresholdFor(thresholds: ThresholdView[], queueId: string | null, figure: ThresholdFigure) {
  return (
    thresholds.find((t) => t.queueId === queueId && t.figure === figure && queueId !== null) ??
    thresholds.find((t) => t.queueId === null && t.figure === figure)
  );
}

export function levelsOf(
  figures: FigureSet,
  thresholds: ThresholdView[],
  queueId: string | null,
): Record<ThresholdFigure, FigureLevel> {
  const levels = {} as Record<ThresholdFigure, FigureLevel>;
  for (const figure of THRESHOLD_FIGURES)
    levels[figure] = levelOf(figure, figures[figure], thresholdFor(thresholds, queueId, figure));
  return levels;
}
