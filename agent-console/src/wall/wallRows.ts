import type { Channel } from '../../../server/http/apiTypes';
import type { FigureSet, ThresholdView } from '../../../server/http/wallApiTypes';
import { figureLevel } from './queueThresholds';
import type { ThresholdLevel } from './thresholdLevel';
import type { FigureObservation } from './thresholdNotices';
import {
  CHANNELS,
  longestWaitNow,
  sumFigureSets,
  WALL_FIGURES,
  type LiveFigures,
  type WallWindow,
} from './wallFigures';

export type WallScope = 'queue' | 'channel';

/** A line of the wall: a queue, a channel, or the total; `queueId` picks its thresholds (null: the defaults). */
export interface WallRow {
  id: string;
  /** A queue's name; null for a channel (its label is translated) or the total. */
  name: string | null;
  channel: Channel | null;
  queueId: string | null;
  figures: FigureSet;
}

/**
 * The wall's lines for a window as of `now`: per queue or per channel, and the total over every queue shown. Each
 * queue's longest wait ticks on from when it was true; channels and the total take the longest of their queues.
 */
export function wallRows(
  live: LiveFigures,
  scope: WallScope,
  window: WallWindow,
  now: number,
): { rows: WallRow[]; total: WallRow } {
  const ticking = (set: FigureSet, at: string) => ({ ...set, longestWaitSeconds: longestWaitNow(set, at, now) });
  const total: WallRow = {
    id: 'total',
    name: null,
    channel: null,
    queueId: null,
    figures: sumFigureSets(
      live.queues.map((queue) => ticking(queue.figures.total[window], queue.at)),
      live.total[window].occupancy,
    ),
  };
  const rows: WallRow[] =
    scope === 'queue'
      ? live.queues.map(({ figures, at }) => ({
          id: figures.queueId,
          name: figures.queueName,
          channel: null,
          queueId: figures.queueId,
          figures: ticking(figures.total[window], at),
        }))
      : CHANNELS.map((channel) => ({
          id: channel,
          name: null,
          channel,
          queueId: null,
          figures: sumFigureSets(
            live.queues.flatMap(({ figures, at }) => {
              const set = figures.byChannel[channel]?.[window];
              return set ? [ticking(set, at)] : [];
            }),
            live.channelOccupancy?.[channel]?.[window] ?? null,
          ),
        }));
  return { rows, total };
}

/** Every judged figure of a row, by figure key. */
export function rowLevels(row: WallRow, thresholds: readonly ThresholdView[]): Partial<Record<string, ThresholdLevel>> {
  const levels: Partial<Record<string, ThresholdLevel>> = {};
  for (const figure of WALL_FIGURES)
    if ('threshold' in figure) levels[figure.key] = figureLevel(row.figures, figure.threshold, thresholds, row.queueId);
  return levels;
}

export interface WallObservation extends FigureObservation {
  row: WallRow;
  figure: (typeof WALL_FIGURES)[number];
}

/** What the notifications watch: every queue's and the total's judged figures. */
export function observe(rows: readonly WallRow[], thresholds: readonly ThresholdView[]): WallObservation[] {
  return rows.flatMap((row) => {
    const levels = rowLevels(row, thresholds);
    return WALL_FIGURES.filter((figure) => 'threshold' in figure).map((figure) => ({
      key: `${row.id}:${figure.key}`,
      level: levels[figure.key] ?? 'normal',
      row,
      figure,
    }));
  });
}
