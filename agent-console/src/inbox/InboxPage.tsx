import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getInbox } from '../api/endpoints';
import { LoadStatus } from '../data/LoadStatus';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { InboxEmptyState } from './InboxEmptyState';
import { TicketTable } from './TicketTable';
import { concernsInbox } from './concernsInbox';

// Bursts of events (a routing pass touches many tickets) become one re-read.
const RELOAD_DELAY_MS = 200;

export function InboxPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { connectionGeneration } = useRealtime();
  const inbox = useReloadableData(getInbox, connectionGeneration);
  const tickets = inbox.data?.tickets;
  const { reload } = inbox;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reloadSoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, RELOAD_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  // Not only for listed tickets: the event for a ticket transferred straight to us is the first we hear of it.
  useRealtimeEvent('ticket.changed', (event) => {
    if (concernsInbox(event, userId, tickets)) reloadSoon();
  });
  useRealtimeEvent('offer.ended', (event) => {
    if (event.reason === 'accepted') reloadSoon();
  });

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('inbox.title')}</h1>
        <p className="muted">{t('inbox.intro')}</p>
      </header>
      <LoadStatus data={inbox.data} error={inbox.error} />
      {tickets && (tickets.length === 0 ? <InboxEmptyState /> : <TicketTable tickets={tickets} />)}
    </section>
  );
}
