import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../server/http/voiceApiTypes';
import type { CallMonitoredEvent } from '../../../server/http/wallApiTypes';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { applyMonitored, forgetCall, type MonitoredCalls } from './beingMonitored';
import './wall.css';

/**
 * An agent's "you are being monitored" line while a supervisor listens to, coaches on or joins their call. The
 * server sends it only when an admin turned that on; without events this shows nothing.
 */
export function BeingMonitoredNotice() {
  const { t } = useTranslation();
  const [monitored, setMonitored] = useState<MonitoredCalls>(() => new Map());
  useRealtimeEvent('call.monitored', (event: CallMonitoredEvent) =>
    setMonitored((known) => applyMonitored(known, event)),
  );
  useRealtimeEvent('call.changed', (call: CallView) => {
    if (call.endedAt) setMonitored((known) => forgetCall(known, call.id));
  });

  return [...monitored.values()].map((event) => (
    <p
      key={event.callId}
      className="being-monitored"
      role="status"
      data-testid="being-monitored"
      data-mode={event.mode ?? ''}
    >
      {t('monitoring.beingMonitoredBy', {
        name: event.supervisorName,
        mode: event.mode ? t(`monitoring.mode.${event.mode}`) : '',
      })}
    </p>
  ));
}
