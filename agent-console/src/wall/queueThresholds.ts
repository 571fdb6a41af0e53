import type { FigureSet, ThresholdFigure, ThresholdView } from '../../../server/http/wallApiTypes';
import { thresholdLevel, type ThresholdLevel, type ThresholdLimits } from './thresholdLevel';
import { higherIsWorse } from './wallFigures';

/** A queue's limits for a figure: its own when set, else the default for every queue (queue id null). */
export function limitsFor(
  thresholds: readonly ThresholdView[],
  queueId: string | null,
  figure: ThresholdFigure,
): ThresholdLimits | undefined {
  const own = queueId === null ? undefined : thresholds.find((t) => t.queueId === queueId && t.figure === figure);
  return own ?? thresholds.find((t) => t.queueId === null && t.figure === figure);
}

/** How a figure of a queue (null: a total) stands, judged by that queue's thresholds. */
export function figureLevel(
  set: FigureSet,
  figure: ThresholdFigure,
  thresholds: readonly ThresholdView[],
  queueId: string | null,
): ThresholdLevel {
  return thresholdLevel(set[figure], limitsFor(thresholds, queueId, figure), higherIsWorse(figure));
}
