import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerView, TicketSummary } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { customerName } from '../customers/customerName';
import { Timestamp } from '../format/Timestamp';
import { SlaBadge } from '../sla/SlaBadge';
import { TicketStatusBadge } from './TicketStatusBadge';

export function TicketHeader({ ticket, customer }: { ticket: TicketSummary; customer: CustomerView }) {
  const { t } = useTranslation();
  return (
    <header className="page__header ticket-header">
      <h1>
        <span className="ticket-header__number" data-testid="ticket-number">
          #{ticket.number}
        </span>{' '}
        <span data-testid="ticket-subject">{ticket.subject}</span>
      </h1>
      <p className="ticket-header__facts">
        <ChannelBadge channel={ticket.channel} />
        <span>
          <span className="muted">{t('ticket.customer')}: </span>
          <Link to="/customers/$customerId" params={{ customerId: customer.id }} data-testid="ticket-customer">
            {customerName(customer, t)}
          </Link>
        </span>
        <TicketStatusBadge status={ticket.status} />
        <SlaBadge sla={ticket.sla} showTarget />
        <span className="muted small">
          {t('ticket.opened')} <Timestamp iso={ticket.createdAt} />
        </span>
      </p>
    </header>
  );
}
