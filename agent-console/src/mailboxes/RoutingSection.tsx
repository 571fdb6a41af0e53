import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import { FieldError } from '../campaigns/FieldError';
import type { SectionProps } from './sectionProps';

export function RoutingSection({ values, update, errors, queues }: SectionProps & { queues: QueueEntry[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('mailboxForm.routing')}</legend>
      <label className="form__field">
        <span>{t('mailboxForm.entryQueue')}</span>
        <select
          name="queueId"
          data-testid="mailbox-queueId"
          value={values.queueId}
          onChange={(event) => update({ queueId: event.target.value })}
        >
          <option value="">{t('mailboxForm.noQueue')}</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <FieldError field="queueId" messages={errors.queueId} />
      </label>
    </fieldset>
  );
}
