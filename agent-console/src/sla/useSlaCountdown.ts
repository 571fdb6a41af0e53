import { useEffect, useState } from 'react';
import { msUntilChange, slaCountdown, type CountdownInput, type CountdownState } from './slaCountdown';

/**
 * The live state of one SLA badge. It re-renders only when the badge would change (the next second, or the
 * warning or due moment), so a list of tickets days from due does not redraw every second.
 */
export function useSlaCountdown(clock: CountdownInput): CountdownState {
  const [, setTick] = useState(0);
  const { level, dueAt, minutesLeftWhenPaused, warnAt } = clock;
  const state = slaCountdown(clock, Date.now());
  useEffect(() => {
    const wait = msUntilChange({ level, dueAt, minutesLeftWhenPaused, warnAt }, Date.now());
    if (wait === null) return;
    // A little past the moment, so the re-render lands on the new side of it.
    const timer = setTimeout(() => setTick((tick) => tick + 1), wait + 20);
    return () => clearTimeout(timer);
  }, [state.tone, state.seconds, level, dueAt, minutesLeftWhenPaused, warnAt]);
  return state;
}
