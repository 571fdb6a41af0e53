import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { getCustomer, mergeCustomer } from '../api/customerEndpoints';
import { useServerData } from '../data/useServerData';
import { customerName } from './customerName';

/** How to name a duplicate: its name, else its first phone or email (duplicates are often nameless). */
export const mergeLabel = (customer: CustomerView): string | null =>
  customer.name?.trim() || customer.identities[0]?.value || null;

/** The duplicate to fold in; its name is looked up when we only know the id (from an identity_taken answer). */
export interface MergeSource {
  id: string;
  name?: string | null;
}

interface Props {
  source: MergeSource;
  target: CustomerView;
  onMerged: (customer: CustomerView) => void;
  onCancel: () => void;
}

/** Says exactly what merging will do before it happens. */
export function MergeConfirm({ source, target, onMerged, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadSource = useCallback(
    () =>
      source.name !== undefined
        ? Promise.resolve(null)
        : getCustomer(source.id).then(({ customer }) => mergeLabel(customer)),
    [source.id, source.name],
  );
  const looked = useServerData(loadSource, source.id);
  const sourceName = source.name !== undefined ? source.name : looked.data;
  const names = {
    source: sourceName?.trim() || t('customer.anotherCustomer'),
    target: customerName(target, t),
  };

  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      const { customer } = await mergeCustomer(target.id, source.id);
      onMerged(customer);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <div
      className="merge-confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      data-testid="merge-confirm"
      data-source-id={source.id}
    >
      <p id={titleId} className="merge-confirm__title">
        {t('merge.confirmTitle', names)}
      </p>
      <p>{t('merge.confirmText', names)}</p>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          data-testid="confirm-merge"
          disabled={busy}
          onClick={() => void merge()}
        >
          {busy ? t('merge.merging') : t('merge.confirm')}
        </button>
        <button type="button" className="button" data-testid="cancel-merge" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
