import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerName } from '../customers/customerName';
import { useCustomerSearch } from '../customers/customerQueries';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { OptedOutBadge } from '../sms/OptedOutBadge';
import { toRecipient, type Recipient } from './recipientList';

const SEARCH_LIMIT = 100;

interface Props {
  chosenIds: ReadonlySet<string>;
  onAdd: (recipients: Recipient[]) => void;
}

/** Find customers (an empty search lists the most recently updated) and add them one by one or all at once. */
export function RecipientSearch({ chosenIds, onAdd }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const results = useCustomerSearch(q, { limit: SEARCH_LIMIT });
  const found =
    results.data?.customers.map((customer) => ({
      recipient: toRecipient(customer),
      name: customerName(customer, t),
    })) ?? [];
  const addable = found.filter(({ recipient }) => !chosenIds.has(recipient.id));

  return (
    <div className="recipient-search">
      <label className="form__field">
        <span>{t('campaignForm.searchLabel')}</span>
        <input
          type="search"
          data-testid="recipient-search"
          value={query}
          placeholder={t('campaignForm.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <LoadStatus {...results} />
      {results.data && found.length === 0 && <p className="muted">{t('campaignForm.noResults')}</p>}
      {found.length > 0 && (
        <>
          <div className="recipient-search__bar">
            <span className="muted small">{t('campaignForm.results')}</span>
            <button
              type="button"
              className="button button--small"
              data-testid="add-all-recipients"
              disabled={addable.length === 0}
              onClick={() => onAdd(addable.map(({ recipient }) => recipient))}
            >
              {t('campaignForm.addAll')}
            </button>
          </div>
          <ul className="plain-list recipient-list" data-testid="recipient-results">
            {found.map(({ recipient, name }) => {
              const added = chosenIds.has(recipient.id);
              return (
                <li
                  key={recipient.id}
                  className="plain-list__row"
                  data-testid="recipient-result"
                  data-customer-id={recipient.id}
                >
                  <span className="plain-list__grow">
                    <strong>{name}</strong>{' '}
                    <span className="muted small">{recipient.phone ?? t('campaignForm.noPhone')}</span>
                    {recipient.optedOutAt && (
                      <>
                        {' '}
                        <OptedOutBadge at={recipient.optedOutAt} />
                      </>
                    )}
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="add-recipient"
                    disabled={added}
                    onClick={() => onAdd([recipient])}
                  >
                    {added ? t('campaignForm.added') : t('campaignForm.add')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
