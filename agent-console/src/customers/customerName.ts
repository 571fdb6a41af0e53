import type { TFunction } from 'i18next';

/** The customer's name, or "Unnamed customer" for one we only know by a number or address. */
export function customerName(customer: { name: string | null }, t: TFunction): string {
  return customer.name?.trim() || t('customer.unnamed');
}
