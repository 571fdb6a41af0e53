import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { customerName } from './customerName';
import { useCustomerDetail, useMergeCustomer } from './customerQueries';

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
  onMerged: () => void;
  onCancel: () => void;
}

/** Says exactly what merging will do before it happens. */
export function MergeConfirm({ source, target, onMerged, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const merge = useMergeCustomer(target.id);
  // Still busy after success: the confirmation goes with the answer.
  const busy = merge.isPending || merge.isSuccess;
  const error = merge.error ? errorMessage(merge.error, t) : null;
  const looked = useCustomerDetail(source.name === undefined ? source.id : null);
  const sourceName = source.name !== undefined ? source.name : looked.data && mergeLabel(looked.data.customer);
  const names = {
    source: sourceName?.trim() || t('customer.anotherCustomer'),
    target: customerName(target, t),
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
          onClick={() => merge.mutate(source.id, { onSuccess: onMerged })}
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
