import { useTranslation } from 'react-i18next';
import { getInbox } from '../api/endpoints';
import { LoadStatus } from '../data/LoadStatus';
import { useServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { InboxEmptyState } from './InboxEmptyState';
import { TicketTable } from './TicketTable';

export function InboxPage() {
  const { t } = useTranslation();
  const { connectionGeneration } = useRealtime();
  const inbox = useServerData(getInbox, connectionGeneration);
  const tickets = inbox.data?.tickets;

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('inbox.title')}</h1>
        <p className="muted">{t('inbox.intro')}</p>
      </header>
      <LoadStatus {...inbox} />
      {tickets && (tickets.length === 0 ? <InboxEmptyState /> : <TicketTable tickets={tickets} />)}
    </section>
  );
}
