import type { FigureSet } from '../http/wallApiTypes';

/** The additive counts of a set of queue episodes; every ratio of the wall is derived from these. */
export interface EpisodeSums {
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  shortAbandoned: number;
  callbacks: number;
  transfers: number;
  handled: number;
  answerWaitSeconds: number;
  handleSeconds: number;
}

export interface WaitingNow {
  waiting: number;
  oldestWaitingSince: Date | null;
}

export const NO_EPISODES: EpisodeSums = {
  offered: 0,
  answered: 0,
  answeredWithinThreshold: 0,
  abandoned: 0,
  shortAbandoned: 0,
  callbacks: 0,
  transfers: 0,
  handled: 0,
  answerWaitSeconds: 0,
  handleSeconds: 0,
};

export function addSums(a: EpisodeSums, b: EpisodeSums): EpisodeSums {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof EpisodeSums)[]) out[key] += b[key];
  return out;
}

export function addWaiting(a: WaitingNow, b: WaitingNow): WaitingNow {
  const oldest =
    a.oldestWaitingSince && b.oldestWaitingSince
      ? new Date(Math.min(a.oldestWaitingSince.getTime(), b.oldestWaitingSince.getTime()))
      : (a.oldestWaitingSince ?? b.oldestWaitingSince);
  return { waiting: a.waiting + b.waiting, oldestWaitingSince: oldest };
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

/**
 * Amazon Connect's definitions (README, "Supervisors' wall"): service level = answered within the threshold ÷
 * (offered − short abandons); ASA = wait of the answered ÷ answered; AHT = (talk + hold + wrap-up) ÷ handled;
 * abandon rate = abandoned ÷ (offered − short abandons − callbacks).
 */
export function figureSet(sums: EpisodeSums, waiting: WaitingNow, occupancy: number | null, now: Date): FigureSet {
  return {
    waiting: waiting.waiting,
    longestWaitSeconds: waiting.oldestWaitingSince
      ? Math.max(0, Math.round((now.getTime() - waiting.oldestWaitingSince.getTime()) / 1000))
      : null,
    oldestWaitingSince: waiting.oldestWaitingSince?.toISOString() ?? null,
    ...sums,
    answerWaitSeconds: Math.round(sums.answerWaitSeconds),
    handleSeconds: Math.round(sums.handleSeconds),
    serviceLevel: round(ratio(sums.answeredWithinThreshold, sums.offered - sums.shortAbandoned), 4),
    asaSeconds: round(ratio(sums.answerWaitSeconds, sums.answered), 1),
    ahtSeconds: round(ratio(sums.handleSeconds, sums.handled), 1),
    abandonRate: round(ratio(sums.abandoned, sums.offered - sums.shortAbandoned - sums.callbacks), 4),
    occupancy: round(occupancy, 4),
  };
}
