import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { customerName } from './customerName';
import { IdentityChips } from './IdentityChips';
import { TagList } from './TagList';

export function CustomerResults({ customers }: { customers: CustomerView[] }) {
  const { t } = useTranslation();
  if (customers.length === 0) return <p className="muted">{t('customers.noResults')}</p>;
  return (
    <table className="data-table" data-testid="customer-results">
      <thead>
        <tr>
          <th scope="col">{t('customer.name')}</th>
          <th scope="col">{t('customer.company')}</th>
          <th scope="col">{t('customers.contact')}</th>
          <th scope="col">{t('customer.tags')}</th>
          <th scope="col">{t('customers.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((customer) => (
          <tr key={customer.id} data-testid="customer-result" data-customer-id={customer.id}>
            <td>
              <Link to="/customers/$customerId" params={{ customerId: customer.id }}>
                {customerName(customer, t)}
              </Link>
            </td>
            <td>{customer.company ?? <span className="muted">{t('common.none')}</span>}</td>
            <td>
              <IdentityChips identities={customer.identities} />
            </td>
            <td>
              <TagList tags={customer.tags} />
            </td>
            <td>
              <Timestamp iso={customer.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
