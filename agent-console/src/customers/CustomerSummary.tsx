import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { AppLink } from '../navigation/AppLink';
import { customerPath } from '../navigation/routes';
import { customerName } from './customerName';
import { IdentityChips } from './IdentityChips';
import { TagList } from './TagList';

/** Name (linking to the customer page), company, identities and tags. */
export function CustomerSummary({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  return (
    <div className="customer-summary" data-testid="customer-summary" data-customer-id={customer.id}>
      <p className="customer-summary__name">
        <AppLink to={customerPath(customer.id)} testId="customer-link">
          {customerName(customer, t)}
        </AppLink>
      </p>
      {customer.company && <p className="muted">{customer.company}</p>}
      <IdentityChips identities={customer.identities} />
      <TagList tags={customer.tags} />
    </div>
  );
}
