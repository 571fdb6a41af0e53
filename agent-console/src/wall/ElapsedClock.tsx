import { elapsedMs, formatClock } from './clock';

/** A clock counting up from `since` (time in state, longest wait); the caller's `now` makes it tick. */
export function ElapsedClock({ since, now, testId }: { since: string; now: number; testId?: string }) {
  const ms = elapsedMs(since, now);
  return (
    <time
      className="elapsed-clock"
      dateTime={`PT${Math.floor(ms / 1000)}S`}
      title={new Date(since).toLocaleString()}
      data-testid={testId}
      data-seconds={Math.floor(ms / 1000)}
    >
      {formatClock(ms)}
    </time>
  );
}
