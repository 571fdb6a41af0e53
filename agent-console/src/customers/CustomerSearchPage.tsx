import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCustomers } from '../api/customerEndpoints';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { useServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { CustomerResults } from './CustomerResults';

/** Find a customer by name, company, phone or email; an empty box lists the most recently updated. */
export function CustomerSearchPage() {
  const { t } = useTranslation();
  const { connectionGeneration } = useRealtime();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = useCallback(() => searchCustomers(q), [q]);
  const results = useServerData(search, connectionGeneration);

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
