import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { customerName } from './customerName';
import { IdentityChips } from './IdentityChips';
import { TagList } from './TagList';

/** Name (linking to the customer page), company, identities and tags. */
export function CustomerSummary({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  return (
    <div className="customer-summary" data-testid="customer-summary" data-customer-id={customer.id}>
      <p className="customer-summary__name">
        <Link to="/customers/$customerId" params={{ customerId: customer.id }} data-testid="customer-link">
          {customerName(customer, t)}
        </Link>
      </p>
      {customer.company && <p className="muted">{customer.company}</p>}
      <IdentityChips identities={customer.identities} />
      <TagList tags={customer.tags} />
    </div>
  );
}
