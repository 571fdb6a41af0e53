import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { useCustomerSearch } from './customerQueries';
import { CustomerResults } from './CustomerResults';

/** Find a customer by name, company, phone or email; an empty box lists the most recently updated. */
export function CustomerSearchPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const results = useCustomerSearch(q);

  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('customers.title')}</h1>
        <p className="muted">{t('customers.intro')}</p>
      </header>
      <label className="search-field">
        <span className="visually-hidden">{t('customers.searchLabel')}</span>
        <input
          type="search"
          data-testid="customer-search"
          value={query}
          placeholder={t('customers.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
          autoFocus
        />
      </label>
      <LoadStatus {...results} />
      {results.data && <CustomerResults customers={results.data.customers} />}
    </section>
  );
}
