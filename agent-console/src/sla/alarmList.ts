import type { SlaAlarmEvent } from '../../../server/http/slaApiTypes';

/** An alarm on screen; `key` tells two toasts apart for React and for dismissing. */
export interface ShownAlarm {
  key: string;
  alarm: SlaAlarmEvent;
}

/** At most this many alarms show at once: the newest, so a burst never covers the page. */
export const MAX_SHOWN_ALARMS = 3;

export const alarmKey = (alarm: SlaAlarmEvent) => `${alarm.ticketId}:${alarm.target}:${alarm.kind}`;

/**
 * The newest alarm first. The same alarm heard twice (two windows' reconnects, a retried publish) shows once; a
 * breach replaces the warning of the same clock, which it makes stale.
 */
export function addAlarm(shown: readonly ShownAlarm[], alarm: SlaAlarmEvent): ShownAlarm[] {
  const key = alarmKey(alarm);
  const rest = shown.filter(
    (entry) =>
      entry.key !== key &&
      !(alarm.kind !== 'warning' && entry.alarm.kind === 'warning' && sameClock(entry.alarm, alarm)),
  );
  return [{ key, alarm }, ...rest].slice(0, MAX_SHOWN_ALARMS);
}

const sameClock = (a: SlaAlarmEvent, b: SlaAlarmEvent) => a.ticketId === b.ticketId && a.target === b.target;

export const dismissAlarm = (shown: readonly ShownAlarm[], key: string) => shown.filter((entry) => entry.key !== key);
