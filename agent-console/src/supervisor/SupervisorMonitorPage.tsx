import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMonitor } from '../api/endpoints';
import { LoadStatus } from '../data/LoadStatus';
import { queryKeys } from '../data/queryKeys';
import { useNow } from '../format/useNow';
import { useRealtime } from '../realtime/realtimeContext';
import { AgentPresenceTable } from './AgentPresenceTable';
import { MailboxHealthSection } from './MailboxHealthSection';
import { applyPresenceEvents, rememberPresenceEvent, type LatestPresenceEvents } from './presenceEvents';
import { QueueTable } from './QueueTable';

export function SupervisorMonitorPage() {
  const { t } = useTranslation();
  const { onPresenceChanged } = useRealtime();
  // Presence, ticket and call events invalidate it; presence events also show at once, below.
  const monitor = useQuery({ queryKey: queryKeys.monitor, queryFn: getMonitor });
  const [events, setEvents] = useState<LatestPresenceEvents>(() => new Map());
  const now = useNow(15_000);

  useEffect(
    () => onPresenceChanged((event) => setEvents((known) => rememberPresenceEvent(known, event))),
    [onPresenceChanged],
  );

  const agents = useMemo(
    () => (monitor.data ? applyPresenceEvents(monitor.data.agents, events) : null),
    [monitor.data, events],
  );

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('monitor.title')}</h1>
        <p className="muted">{t('monitor.intro')}</p>
      </header>
      <LoadStatus data={monitor.data} error={monitor.error} />
      {agents && (
        <>
          <h2>{t('monitor.agentsHeading')}</h2>
          <AgentPresenceTable agents={agents} now={now} />
        </>
      )}
      {monitor.data && (
        <>
          <h2>{t('monitor.queuesHeading')}</h2>
          <QueueTable queues={monitor.data.queues} now={now} />
        </>
      )}
      <MailboxHealthSection now={now} />
    </section>
  );
}
