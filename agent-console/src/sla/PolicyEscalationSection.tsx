import { useTranslation } from 'react-i18next';
import { ESCALATION_ACTIONS, type EscalationAction } from '../../../server/http/slaApiTypes';
import type { QueueView } from '../admin/adminApi';
import { AdminField } from '../admin/AdminField';
import type { PolicySectionProps } from './policySectionProps';

/** The optional step after a breach: raise the priority, move the ticket to a queue, or notify a second level. */
export function PolicyEscalationSection({
  draft,
  update,
  errors,
  queues,
}: PolicySectionProps & { queues: QueueView[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section" data-testid="policy-escalation">
      <legend>{t('sla.policies.escalationHeading')}</legend>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="policy-escalation-on"
          checked={draft.escalationOn}
          onChange={(e) => update({ escalationOn: e.target.checked })}
        />
        {t('sla.policies.escalationOn')}
      </label>
      {draft.escalationOn && (
        <>
          <div className="form__row">
            <AdminField label={t('sla.policies.afterMinutes')} path="escalation.afterMinutes" errors={errors}>
              <input
                type="number"
                min={1}
                step={1}
                data-testid="policy-escalation-after"
                value={draft.escalationAfterMinutes}
                onChange={(e) => update({ escalationAfterMinutes: e.target.value })}
              />
            </AdminField>
            <AdminField label={t('sla.policies.action')} path="escalation.action" errors={errors}>
              <select
                data-testid="policy-escalation-action"
                value={draft.escalationAction}
                onChange={(e) => update({ escalationAction: e.target.value as EscalationAction })}
              >
                {ESCALATION_ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {t(`sla.policies.actions.${action}`)}
                  </option>
                ))}
              </select>
            </AdminField>
          </div>
          {draft.escalationAction === 'reassign_to_queue' && (
            <AdminField label={t('sla.policies.escalationQueue')} path="escalation.queueId" errors={errors}>
              <select
                data-testid="policy-escalation-queue"
                value={draft.escalationQueueId}
                onChange={(e) => update({ escalationQueueId: e.target.value })}
              >
                <option value="">{t('sla.policies.chooseQueue')}</option>
                {queues.map((queue) => (
                  <option key={queue.id} value={queue.id}>
                    {queue.name}
                  </option>
                ))}
              </select>
            </AdminField>
          )}
          {draft.escalationAction === 'notify_second_level' && (
            <div className="form__row">
              <AdminField
                label={t('sla.policies.smsRecipients')}
                path="escalation.smsRecipients"
                errors={errors}
                hint={t('sla.policies.smsRecipientsHint')}
              >
                <input
                  data-testid="policy-escalation-sms"
                  value={draft.escalationSmsRecipients}
                  onChange={(e) => update({ escalationSmsRecipients: e.target.value })}
                />
              </AdminField>
              <AdminField
                label={t('sla.policies.emailRecipients')}
                path="escalation.emailRecipients"
                errors={errors}
                hint={t('sla.policies.emailRecipientsHint')}
              >
                <input
                  data-testid="policy-escalation-email"
                  value={draft.escalationEmailRecipients}
                  onChange={(e) => update({ escalationEmailRecipients: e.target.value })}
                />
              </AdminField>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
