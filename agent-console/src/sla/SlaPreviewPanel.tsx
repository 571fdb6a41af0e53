import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, TICKET_PRIORITIES, type Channel, type TicketPriority } from '../../../server/http/apiTypes';
import type { QueueView } from '../admin/adminApi';
import { errorMessage } from '../api/errorMessage';
import { formatDue, newPreviewForm, previewInput, type PreviewForm } from './previewInput';
import { useSlaPreview } from './slaAdminQueries';

/** "A ticket created at T would be due at …", by the saved policies; every save re-reads it. */
export function SlaPreviewPanel({ queues }: { queues: QueueView[] }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<PreviewForm>(() => newPreviewForm());
  const update = (change: Partial<PreviewForm>) => setForm((current) => ({ ...current, ...change }));
  const input = previewInput(form);
  const preview = useSlaPreview(input);
  const result = input ? preview.data : undefined;
  const zone = result?.businessHours?.timezone;

  return (
    <section className="card card--wide form sla-preview" data-testid="sla-preview">
      <h2>{t('sla.preview.heading')}</h2>
      <p className="muted small">{t('sla.preview.intro')}</p>
      <div className="form__row">
        <label className="form__field">
          <span>{t('sla.preview.createdAt')}</span>
          <input
            type="datetime-local"
            data-testid="preview-created-at"
            value={form.createdAt}
            onChange={(e) => update({ createdAt: e.target.value })}
          />
        </label>
        <label className="form__field">
          <span>{t('sla.preview.queue')}</span>
          <select
            data-testid="preview-queue"
            value={form.queueId}
            onChange={(e) => update({ queueId: e.target.value })}
          >
            <option value="">{t('sla.preview.noQueue')}</option>
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>{t('sla.preview.priority')}</span>
          <select
            data-testid="preview-priority"
            value={form.priority}
            onChange={(e) => update({ priority: e.target.value as TicketPriority })}
          >
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`ticketPriority.${priority}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>{t('sla.preview.channel')}</span>
          <select
            data-testid="preview-channel"
            value={form.channel}
            onChange={(e) => update({ channel: e.target.value as Channel })}
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>{t('sla.preview.customerTags')}</span>
          <input
            data-testid="preview-tags"
            value={form.customerTags}
            onChange={(e) => update({ customerTags: e.target.value })}
          />
        </label>
      </div>
      {!input && <p className="muted">{t('sla.preview.invalidTime')}</p>}
      {input && preview.error && <p className="notice notice--error">{errorMessage(preview.error, t)}</p>}
      {result && (
        <div data-testid="preview-result" data-policy-id={result.policy?.id ?? ''}>
          {result.policy ? (
            <p>
              <strong>{t('sla.preview.policy', { name: result.policy.name })}</strong>{' '}
              <span className="muted">
                {result.businessHours
                  ? t('sla.preview.hours', { name: result.businessHours.name, timezone: result.businessHours.timezone })
                  : t('sla.preview.aroundTheClock')}
              </span>
            </p>
          ) : (
            <p>{t('sla.preview.noPolicy')}</p>
          )}
          {result.policy && result.targets.length === 0 && <p className="muted">{t('sla.preview.noTargets')}</p>}
          <ul className="sla-preview__result">
            {result.targets.map((target) => (
              <li key={target.target} data-testid="preview-target" data-target={target.target} data-due={target.dueAt}>
                {t('sla.preview.dueAt', {
                  target: t(`sla.target.${target.target}`),
                  minutes: target.minutes,
                  due: formatDue(target.dueAt, i18n.language, zone),
                })}
                {target.warnAt && (
                  <span className="muted">
                    {' '}
                    ({t('sla.preview.warnAt', { warn: formatDue(target.warnAt, i18n.language, zone) })})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
