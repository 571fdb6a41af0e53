import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { customerName } from '../customers/customerName';

/** A ticket by its number, linking to it. */
export function TicketLink({ ticketId, number }: { ticketId: string; number: number }) {
  const { t } = useTranslation();
  return (
    <Link to="/tickets/$ticketId" params={{ ticketId }} data-testid="ticket-link">
      {t('surveys.ticketNumber', { number })}
    </Link>
  );
}

/** A customer by name, linking to their page. */
export function CustomerLink({ customer }: { customer: { id: string; name: string | null } }) {
  const { t } = useTranslation();
  return (
    <Link to="/customers/$customerId" params={{ customerId: customer.id }} data-testid="customer-link">
      {customerName(customer, t)}
    </Link>
  );
}
