import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { customerName } from './customerName';
import { useCustomerSearch } from './customerQueries';
import { IdentityChips } from './IdentityChips';
import { MergeConfirm, mergeLabel, type MergeSource } from './MergeConfirm';

interface Props {
  customer: CustomerView;
  /** The duplicate picked for merging (from the search here, or from an identity conflict). */
  candidate: MergeSource | null;
  onCandidate: (candidate: MergeSource | null) => void;
  onMerged: () => void;
}

/** Find a duplicate of this customer and merge it in, behind a confirmation. */
export function MergePanel({ customer, candidate, onCandidate, onMerged }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const results = useCustomerSearch(q, { enabled: q !== '' });
  const others = results.data?.customers.filter((found) => found.id !== customer.id) ?? [];
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (candidate) panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [candidate]);

  return (
    <section className="card card--wide merge-panel" ref={panel} data-testid="merge-panel">
      <h2>{t('merge.heading')}</h2>
      {candidate ? (
        <MergeConfirm
          source={candidate}
          target={customer}
          onCancel={() => onCandidate(null)}
          onMerged={() => {
            setQuery('');
            onMerged();
          }}
        />
      ) : (
        <>
          <p className="muted">{t('merge.intro')}</p>
          <label className="form__field">
            <span className="visually-hidden">{t('merge.searchLabel')}</span>
            <input
              type="search"
              data-testid="merge-search"
              value={query}
              placeholder={t('customers.searchPlaceholder')}
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
          {q && <LoadStatus {...results} />}
          {q && results.data && others.length === 0 && <p className="muted">{t('customers.noResults')}</p>}
          {others.length > 0 && (
            <ul className="plain-list merge-results">
              {others.map((found) => (
                <li
                  key={found.id}
                  className="plain-list__row"
                  data-testid="merge-candidate"
                  data-customer-id={found.id}
                >
                  <div className="merge-results__who">
                    <strong>{customerName(found, t)}</strong>
                    {found.company && <span className="muted"> · {found.company}</span>}
                    <IdentityChips identities={found.identities} />
                  </div>
                  <button
                    type="button"
                    className="button"
                    data-testid="merge-customer"
                    data-customer-id={found.id}
                    onClick={() => onCandidate({ id: found.id, name: mergeLabel(found) })}
                  >
                    {t('merge.button')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
