import { useTranslation } from 'react-i18next';
import type { SlaPolicyView } from '../../../server/http/slaApiTypes';
import { useAdminMutation } from '../admin/adminQueries';
import { SaveStatus } from '../admin/SaveStatus';
import { movedOrder } from './policyOrder';
import { slaApi } from './slaEndpoints';

interface Props {
  policies: SlaPolicyView[];
  open: string | null;
  onOpen: (id: string) => void;
}

/** The policies in first-match order, each movable up and down. */
export function SlaPolicyList({ policies, open, onOpen }: Props) {
  const { t } = useTranslation();
  const reorder = useAdminMutation((ids: string[]) => slaApi.reorderPolicies(ids));
  const ids = policies.map((policy) => policy.id);
  if (policies.length === 0) return <p className="muted">{t('sla.policies.empty')}</p>;
  return (
    <>
      <ol className="plain-list" data-testid="sla-policy-list">
        {policies.map((policy, index) => (
          <li
            key={policy.id}
            className="plain-list__row sla-policy-row"
            data-testid="sla-policy-row"
            data-name={policy.name}
            aria-current={policy.id === open ? 'true' : undefined}
          >
            <span className="muted numeric">{policy.position}.</span>
            <button type="button" className="link-button" onClick={() => onOpen(policy.id)}>
              {policy.name}
            </button>
            {!policy.enabled && <span className="muted small">({t('sla.policies.disabled')})</span>}
            <button
              type="button"
              className="button button--small"
              aria-label={t('sla.policies.moveUp', { name: policy.name })}
              disabled={index === 0 || reorder.isPending}
              onClick={() => reorder.mutate(movedOrder(ids, index, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={t('sla.policies.moveDown', { name: policy.name })}
              disabled={index === policies.length - 1 || reorder.isPending}
              onClick={() => reorder.mutate(movedOrder(ids, index, 1))}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <SaveStatus error={reorder.error} saved={false} />
    </>
  );
}
