import { escalations, type ThresholdLevel } from './thresholdLevel';

/** A figure of a queue (or a total) as last judged. */
export interface FigureObservation {
  /** `${queueId or 'total'}:${figure}` */
  key: string;
  level: ThresholdLevel;
}

export interface ThresholdNotice<O extends FigureObservation = FigureObservation> {
  id: string;
  observation: O;
}

/**
 * Which observations deserve a notification: those whose figure went up a level since last seen. The first look
 * only records (a wall just opened shows its colours, it does not ring for each); a figure that calms down and rises
 * again notifies again.
 */
export function judgeObservations<O extends FigureObservation>(
  known: ReadonlyMap<string, ThresholdLevel> | null,
  observations: readonly O[],
): { known: Map<string, ThresholdLevel>; rising: O[] } {
  const now = new Map(observations.map((o) => [o.key, o.level]));
  const next = new Map([...(known ?? []), ...now]);
  if (known === null) return { known: next, rising: [] };
  const risen = new Set(escalations(known, now).map((rise) => rise.key));
  return { known: next, rising: observations.filter((o) => risen.has(o.key)) };
}
