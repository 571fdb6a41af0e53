import { useTranslation } from 'react-i18next';
import { customerName } from './customerName';

/** The customer's name in a list; one known only by a number or address reads "Unnamed customer", greyed. */
export function CustomerNameLabel({ customer }: { customer: { name: string | null } }) {
  const { t } = useTranslation();
  const named = Boolean(customer.name?.trim());
  return <span className={named ? undefined : 'muted'}>{customerName(customer, t)}</span>;
}
