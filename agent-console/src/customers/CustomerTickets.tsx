import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { AppLink } from '../navigation/AppLink';
import { ticketPath } from '../navigation/routes';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

export function CustomerTickets({ tickets }: { tickets: TicketSummary[] }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <p className="muted">{t('customer.noTickets')}</p>;
  return (
    <ul className="plain-list" data-testid="customer-tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="plain-list__row" data-testid="customer-ticket" data-ticket-id={ticket.id}>
          <AppLink to={ticketPath(ticket.id)} className="plain-list__grow">
            <span className="muted">#{ticket.number}</span> {ticket.subject}
          </AppLink>
          <ChannelBadge channel={ticket.channel} />
          <TicketStatusBadge status={ticket.status} />
          <Timestamp iso={ticket.updatedAt} className="muted small" />
        </li>
      ))}
    </ul>
  );
}
