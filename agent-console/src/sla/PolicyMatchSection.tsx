import { useTranslation } from 'react-i18next';
import { CHANNELS, TICKET_PRIORITIES } from '../../../server/http/apiTypes';
import type { QueueView } from '../admin/adminApi';
import { AdminField } from '../admin/AdminField';
import { CheckboxList } from '../admin/CheckboxList';
import type { PolicySectionProps } from './policySectionProps';

/** Which tickets the policy is for: queues, priorities, channels and customer tags (an empty list matches any). */
export function PolicyMatchSection({ draft, update, errors, queues }: PolicySectionProps & { queues: QueueView[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section" data-testid="policy-match">
      <legend>{t('sla.policies.matchHeading')}</legend>
      <small className="muted">{t('sla.policies.matchHint')}</small>
      <CheckboxList
        legend={t('sla.policies.queues')}
        path="queueIds"
        testId="policy-queues"
        options={queues.map((queue) => ({ value: queue.id, label: queue.name }))}
        chosen={draft.queueIds}
        onChange={(queueIds) => update({ queueIds })}
        errors={errors}
      />
      <CheckboxList
        legend={t('sla.policies.priorities')}
        path="priorities"
        testId="policy-priorities"
        options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: t(`ticketPriority.${priority}`) }))}
        chosen={draft.priorities}
        onChange={(chosen) => update({ priorities: TICKET_PRIORITIES.filter((p) => chosen.includes(p)) })}
        errors={errors}
      />
      <CheckboxList
        legend={t('sla.policies.channels')}
        path="channels"
        testId="policy-channels"
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        chosen={draft.channels}
        onChange={(chosen) => update({ channels: CHANNELS.filter((c) => chosen.includes(c)) })}
        errors={errors}
      />
      <AdminField
        label={t('sla.policies.customerTags')}
        path="customerTags"
        errors={errors}
        hint={t('sla.policies.customerTagsHint')}
      >
        <input
          data-testid="policy-customer-tags"
          value={draft.customerTags}
          onChange={(e) => update({ customerTags: e.target.value })}
        />
      </AdminField>
    </fieldset>
  );
}
