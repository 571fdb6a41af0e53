import type { Channel } from '../../../server/http/apiTypes';
import type {
  FigureSet,
  QueueFigures,
  ThresholdFigure,
  WallFiguresPush,
  WallFiguresResponse,
  WindowFigures,
} from '../../../server/http/wallApiTypes';

export type WallWindow = 'today' | 'last30Minutes';
export type FigureKind = 'count' | 'seconds' | 'ratio';

/** The figures the wall shows, in order, with how each is written and the threshold (if any) it is judged by. */
export const WALL_FIGURES = [
  { key: 'waiting', kind: 'count', threshold: 'waiting' },
  { key: 'longestWaitSeconds', kind: 'seconds', threshold: 'longestWaitSeconds' },
  { key: 'offered', kind: 'count' },
  { key: 'answered', kind: 'count' },
  { key: 'abandoned', kind: 'count' },
  { key: 'shortAbandoned', kind: 'count' },
  { key: 'callbacks', kind: 'count' },
  { key: 'serviceLevel', kind: 'ratio', threshold: 'serviceLevel' },
  { key: 'asaSeconds', kind: 'seconds', threshold: 'asaSeconds' },
  { key: 'ahtSeconds', kind: 'seconds', threshold: 'ahtSeconds' },
  { key: 'abandonRate', kind: 'ratio', threshold: 'abandonRate' },
  { key: 'occupancy', kind: 'ratio', threshold: 'occupancy' },
] as const satisfies readonly { key: keyof FigureSet; kind: FigureKind; threshold?: ThresholdFigure }[];

export type WallFigureKey = (typeof WALL_FIGURES)[number]['key'];

/** Service level is the one figure where lower is worse. */
export const higherIsWorse = (figure: ThresholdFigure) => figure !== 'serviceLevel';

export const CHANNELS: readonly Channel[] = ['voice', 'sms', 'email'];

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Several queues' figures as one, by Amazon Connect's definitions on the summed counts. Occupancy is not a sum of
 * queues' occupancies (agents serve several queues): the server's own total, when there is one, is passed in.
 */
export function sumFigureSets(sets: readonly FigureSet[], occupancy: number | null = null): FigureSet {
  const sum = (pick: (set: FigureSet) => number) => sets.reduce((total, set) => total + pick(set), 0);
  const offered = sum((s) => s.offered);
  const answered = sum((s) => s.answered);
  const answeredWithinThreshold = sum((s) => s.answeredWithinThreshold);
  const abandoned = sum((s) => s.abandoned);
  const shortAbandoned = sum((s) => s.shortAbandoned);
  const callbacks = sum((s) => s.callbacks);
  const handled = sum((s) => s.handled);
  const answerWaitSeconds = sum((s) => s.answerWaitSeconds);
  const handleSeconds = sum((s) => s.handleSeconds);
  const waits = sets.map((s) => s.longestWaitSeconds).filter((wait): wait is number => wait !== null);
  const oldest = sets
    .map((s) => s.oldestWaitingSince)
    .filter((since): since is string => since !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    waiting: sum((s) => s.waiting),
    longestWaitSeconds: waits.length ? Math.max(...waits) : null,
    oldestWaitingSince: oldest[0] ?? null,
    offered,
    answered,
    answeredWithinThreshold,
    abandoned,
    shortAbandoned,
    callbacks,
    transfers: sum((s) => s.transfers),
    handled,
    serviceLevel: ratio(answeredWithinThreshold, offered - shortAbandoned),
    asaSeconds: ratio(answerWaitSeconds, answered),
    ahtSeconds: ratio(handleSeconds, handled),
    abandonRate: ratio(abandoned, offered - shortAbandoned - callbacks),
    occupancy,
    answerWaitSeconds,
    handleSeconds,
  };
}

/** The newest figures pushed for each queue, by queue id. */
export type QueuePushes = ReadonlyMap<string, { at: string; figures: QueueFigures }>;

/** Records a push's queues, unless a newer push for a queue is already known; the same map when nothing is newer. */
export function rememberPush(pushes: QueuePushes, push: WallFiguresPush): QueuePushes {
  const fresh = push.queues.filter((queue) => {
    const known = pushes.get(queue.queueId);
    return !known || Date.parse(known.at) < Date.parse(push.at);
  });
  if (fresh.length === 0) return pushes;
  const next = new Map(pushes);
  for (const queue of fresh) next.set(queue.queueId, { at: push.at, figures: queue });
  return next;
}

export interface LiveFigures {
  queues: { figures: QueueFigures; at: string }[];
  total: { today: FigureSet; last30Minutes: FigureSet; at: string };
  /** Per channel over every queue shown, as last read (not a sum of queues'). */
  channelOccupancy: WallFiguresResponse['channelOccupancy'];
}

/** A queue's pushed figures with the occupancy of the last read: a push leaves occupancy out (WallFiguresPush). */
function withReadOccupancy(pushed: QueueFigures, read: QueueFigures): QueueFigures {
  const windows = (set: WindowFigures, readSet: WindowFigures): WindowFigures => ({
    ...set,
    today: { ...set.today, occupancy: readSet.today.occupancy },
    last30Minutes: { ...set.last30Minutes, occupancy: readSet.last30Minutes.occupancy },
  });
  return {
    ...pushed,
    total: windows(pushed.total, read.total),
    byChannel: Object.fromEntries(
      CHANNELS.map((channel) => [channel, windows(pushed.byChannel[channel], read.byChannel[channel])]),
    ) as QueueFigures['byChannel'],
  };
}

/**
 * The snapshot read over HTTP with every newer push applied. Pushes are kept apart from the snapshot, so a push that
 * lands while a re-read is in flight is not lost when the older answer arrives. The total is summed from the queues
 * (the server's is the same sum), keeping the server's occupancy. Occupancy, which pushes leave out, is the
 * snapshot's for every row; the calm re-read after each push (realtime/invalidationRules.ts) brings it up to date.
 */
export function liveFigures(snapshot: WallFiguresResponse, pushes: QueuePushes): LiveFigures {
  const snapshotAt = Date.parse(snapshot.at);
  const queues = snapshot.queues.map((queue) => {
    const pushed = pushes.get(queue.queueId);
    return pushed && Date.parse(pushed.at) > snapshotAt
      ? { figures: withReadOccupancy(pushed.figures, queue), at: pushed.at }
      : { figures: queue, at: snapshot.at };
  });
  const at = queues.reduce((latest, queue) => (queue.at > latest ? queue.at : latest), snapshot.at);
  const windowTotal = (window: WallWindow) =>
    sumFigureSets(
      queues.map((queue) => queue.figures.total[window]),
      snapshot.total[window].occupancy,
    );
  return {
    queues,
    total: { today: windowTotal('today'), last30Minutes: windowTotal('last30Minutes'), at },
    channelOccupancy: snapshot.channelOccupancy,
  };
}

/** One channel over every queue shown, with the server's occupancy of that channel when given. */
export function channelFigures(
  queues: readonly { figures: QueueFigures }[],
  channel: Channel,
  window: WallWindow,
  occupancy: number | null = null,
): FigureSet {
  const sets = queues.map((queue) => queue.figures.byChannel[channel]?.[window]).filter((set) => set !== undefined);
  return sumFigureSets(sets, occupancy);
}

/**
 * The longest wait as of `now`, in whole seconds: counted up from when the longest-waiting contact arrived, or else
 * from the figure as it was at `at` (whoever waited longest then has waited on since, unless answered, which a push
 * would have said).
 */
export function longestWaitNow(set: FigureSet, at: string, now: number): number | null {
  if (set.longestWaitSeconds === null) return null;
  const since = set.oldestWaitingSince ? Date.parse(set.oldestWaitingSince) : Number.NaN;
  if (Number.isFinite(since)) return Math.floor(Math.max(0, now - since) / 1000);
  return Math.floor(set.longestWaitSeconds + Math.max(0, (now - Date.parse(at)) / 1000));
}

/** A window's figures with the longest wait ticking. */
export function tickingFigures(set: FigureSet, at: string, now: number): FigureSet {
  return { ...set, longestWaitSeconds: longestWaitNow(set, at, now) };
}

/** The figures that have thresholds, in the wall's order (mirrors THRESHOLD_FIGURES; the console imports types only). */
export const THRESHOLD_FIGURES: readonly ThresholdFigure[] = WALL_FIGURES.flatMap((figure) =>
  'threshold' in figure ? [figure.threshold] : [],
);
