import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { InboxEmptyState } from './InboxEmptyState';
import { TicketTable } from './TicketTable';
import { useInbox } from './useInbox';

export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const tickets = inbox.data?.tickets;

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
