import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showDesktopNotification } from '../offers/desktopNotifications';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { addAlarm, dismissAlarm, type ShownAlarm } from './alarmList';
import { alarmText } from './alarmText';

/** How long a warning stays on screen; breaches and escalations stay until dismissed. */
const WARNING_SHOWN_MS = 15_000;

/** SLA alarms the server sends this user, as toasts (and a desktop notification when allowed). */
export function useSlaAlarms() {
  const { i18n } = useTranslation();
  const [shown, setShownState] = useState<ShownAlarm[]>([]);
  // The list as of now: two alarms can arrive between renders.
  const shownRef = useRef(shown);
  const setShown = useCallback((change: (current: ShownAlarm[]) => ShownAlarm[]) => {
    shownRef.current = change(shownRef.current);
    setShownState(shownRef.current);
  }, []);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback(
    (key: string) => {
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
      setShown((current) => dismissAlarm(current, key));
    },
    [setShown],
  );

  useRealtimeEvent('sla.alarm', (alarm) => {
    setShown((current) => addAlarm(current, alarm));
    const { key } = shownRef.current[0];
    clearTimeout(timers.current.get(key));
    if (alarm.kind === 'warning')
      timers.current.set(
        key,
        setTimeout(() => dismiss(key), WARNING_SHOWN_MS),
      );
    const t = i18n.t.bind(i18n);
    showDesktopNotification(t(`sla.alarm.title.${alarm.kind}`), alarmText(alarm, t), `sla:${key}`);
  });

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return { shown, dismiss };
}
