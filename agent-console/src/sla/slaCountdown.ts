import type { SlaLevel, TicketSlaBadge } from '../../../server/http/slaApiTypes';

/**
 * Where a ticket's SLA badge stands at a moment. The server's level and due time are the truth; reading the due
 * time against the browser's clock turns the badge red on the second, not when the next re-read arrives.
 */
export type SlaTone = SlaLevel;

export interface CountdownState {
  tone: SlaTone;
  /** Whole seconds left until due (rounded up), or over due (rounded down) once breached; never negative. */
  seconds: number;
}

/** The badge's fields a countdown needs; `warnAt`, where known (a clock's detail), turns it amber on time too. */
export type CountdownInput = Pick<TicketSlaBadge, 'level' | 'dueAt' | 'minutesLeftWhenPaused'> & {
  warnAt?: string | null;
};

export function slaCountdown(clock: CountdownInput, nowMs: number): CountdownState {
  const due = clock.dueAt ? Date.parse(clock.dueAt) : Number.NaN;
  if (clock.level === 'paused' || Number.isNaN(due)) {
    return { tone: 'paused', seconds: Math.max(0, Math.round((clock.minutesLeftWhenPaused ?? 0) * 60)) };
  }
  if (clock.level === 'breached' || nowMs >= due) {
    return { tone: 'breached', seconds: Math.max(0, Math.floor((nowMs - due) / 1000)) };
  }
  const warned = clock.level === 'warning' || (clock.warnAt != null && nowMs >= Date.parse(clock.warnAt));
  return { tone: warned ? 'warning' : 'ok', seconds: Math.ceil((due - nowMs) / 1000) };
}

/**
 * Milliseconds until the badge would look different: the next second (or hour, once days are shown) of its
 * countdown, or the warning or due moment, whichever comes first. Null when it stands still (paused).
 */
export function msUntilChange(clock: CountdownInput, nowMs: number): number | null {
  const state = slaCountdown(clock, nowMs);
  if (state.tone === 'paused') return null;
  const due = Date.parse(clock.dueAt!);
  const step = state.seconds >= 86_400 ? 3_600_000 : 1_000;
  // Counting down, the shown number drops as the time left crosses a whole step; counting up, as the overdue does.
  const candidates = [due > nowMs ? (due - nowMs) % step || step : step - ((nowMs - due) % step)];
  const warning = clock.warnAt ? Date.parse(clock.warnAt) : Number.NaN;
  if (warning > nowMs) candidates.push(warning - nowMs);
  if (due > nowMs) candidates.push(due - nowMs);
  return Math.max(1, Math.min(...candidates));
}

/** The parts a duration is spoken in: clock style under a day ("4:05", "2:03:09"), days and hours beyond. */
export type DurationParts = { kind: 'clock'; text: string } | { kind: 'days'; days: number; hours: number };

export function durationParts(totalSeconds: number): DurationParts {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds >= 86_400) {
    return { kind: 'days', days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3600) };
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { kind: 'clock', text: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}` };
}
