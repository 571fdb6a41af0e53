import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicyView } from '../../../server/http/slaApiTypes';
import type { QueueView } from '../admin/adminApi';
import { useAdminMutation } from '../admin/adminQueries';
import { AdminField } from '../admin/AdminField';
import { DeleteButton } from '../admin/DeleteButton';
import { SaveStatus } from '../admin/SaveStatus';
import { PolicyAlarmsSection } from './PolicyAlarmsSection';
import { newPolicyDraft, policyDraft, policyInput, type PolicyDraft } from './policyDraft';
import { PolicyEscalationSection } from './PolicyEscalationSection';
import { policyErrors } from './policyErrors';
import { PolicyMatchSection } from './PolicyMatchSection';
import { PolicyTargetsSection } from './PolicyTargetsSection';
import { slaApi } from './slaEndpoints';

interface Props {
  /** null: a new policy (added last in the order). */
  policy: SlaPolicyView | null;
  queues: QueueView[];
  /** The id of the page's time-zone list, for the quiet hours' zone. */
  timeZones: string;
  onCreated: (id: string) => void;
  onDeleted: () => void;
}

/** One SLA policy: what it applies to, its targets and warning, its alarms and escalation. */
export function SlaPolicyForm({ policy, queues, timeZones, onCreated, onDeleted }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PolicyDraft>(() => (policy ? policyDraft(policy) : newPolicyDraft()));
  const update = (change: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useAdminMutation(
    (value: PolicyDraft) =>
      policy ? slaApi.updatePolicy(policy.id, policyInput(value)) : slaApi.createPolicy(policyInput(value)),
    ({ id }) => {
      if (!policy) onCreated(id);
    },
  );
  const remove = useAdminMutation(() => slaApi.deletePolicy(policy!.id), onDeleted);
  const errors = policyErrors(save.error);
  const section = { draft, update, errors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="form card card--wide admin-form" data-testid="sla-policy-form" onSubmit={submit} noValidate>
      <h2>{policy ? policy.name : t('sla.policies.new')}</h2>
      <div className="form__row">
        <AdminField label={t('sla.policies.name')} path="name" errors={errors}>
          <input data-testid="policy-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        </AdminField>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="policy-enabled"
            checked={draft.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />
          {t('sla.policies.enabled')}
        </label>
      </div>
      <PolicyMatchSection {...section} queues={queues} />
      <PolicyTargetsSection {...section} />
      <PolicyAlarmsSection {...section} timeZones={timeZones} />
      <PolicyEscalationSection {...section} queues={queues} />
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="policy-save" disabled={save.isPending}>
          {policy ? t('admin.save') : t('sla.policies.create')}
        </button>
        {policy && <DeleteButton what={policy.name} testId="policy-delete" onDelete={() => remove.mutate(undefined)} />}
      </div>
      <SaveStatus error={save.error ?? remove.error} saved={save.isSuccess} />
    </form>
  );
}
