import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

/** The customer's tickets you may open; those you may not are only counted (`hiddenCount`). */
export function CustomerTickets({ tickets, hiddenCount }: { tickets: TicketSummary[]; hiddenCount: number }) {
  const { t } = useTranslation();
  const hidden = hiddenCount > 0 && (
    <p className="muted" data-testid="customer-hidden-tickets">
      {t('customer.hiddenTickets', { count: hiddenCount })}
    </p>
  );
  if (tickets.length === 0) return hidden || <p className="muted">{t('customer.noTickets')}</p>;
  return (
    <>
      <ul className="plain-list" data-testid="customer-tickets">
        {tickets.map((ticket) => (
          <li key={ticket.id} className="plain-list__row" data-testid="customer-ticket" data-ticket-id={ticket.id}>
            <Link to="/tickets/$ticketId" params={{ ticketId: ticket.id }} className="plain-list__grow">
              <span className="muted">#{ticket.number}</span> {ticket.subject}
            </Link>
            <ChannelBadge channel={ticket.channel} />
            <TicketStatusBadge status={ticket.status} />
            <Timestamp iso={ticket.updatedAt} className="muted small" />
          </li>
        ))}
      </ul>
      {hidden}
    </>
  );
}
