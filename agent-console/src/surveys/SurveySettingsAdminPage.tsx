import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../admin/SaveStatus';
import { useSurveySettings } from './surveyAdminQueries';
import { SurveySettingsForm } from './SurveySettingsForm';
import '../admin/admin.css';

/** Admins: each queue's survey, in the admin layout (the queues beside the one being edited). */
export function SurveySettingsAdminPage() {
  const { t } = useTranslation();
  const settings = useSurveySettings();
  const [open, setOpen] = useState<string | null>(null);
  const queues = settings.data?.queues ?? [];
  const selected = queues.find((queue) => queue.queueId === open) ?? null;

  return (
    <section className="page page--wide" data-testid="admin-surveys-page">
      <header className="page__header">
        <h1>{t('surveys.admin.title')}</h1>
        <p className="muted">{t('surveys.admin.intro')}</p>
      </header>
      <QueryStatus pending={!settings.data} error={settings.error} />
      {settings.data && (
        <div className="admin-layout">
          <div className="admin-layout__list">
            <div className="table-scroll">
              <table className="data-table data-table--clickable">
                <thead>
                  <tr>
                    <th>{t('surveys.admin.queue')}</th>
                    <th>{t('surveys.admin.channel')}</th>
                    <th className="admin-wide-only">{t('surveys.admin.scale')}</th>
                    <th className="admin-wide-only">{t('surveys.admin.voiceMode')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queues.map((queue) => (
                    <tr
                      key={queue.queueId}
                      data-testid="survey-queue-row"
                      data-name={queue.queueName}
                      aria-current={queue.queueId === open ? 'true' : undefined}
                      onClick={() => setOpen(queue.queueId)}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setOpen(queue.queueId)}>
                          {queue.queueName}
                        </button>
                      </td>
                      <td>{t(`surveys.admin.channels.${queue.channel}`)}</td>
                      <td className="admin-wide-only">{t(`surveys.scaleShort.${queue.scale}`)}</td>
                      <td className="admin-wide-only">{t(`surveys.admin.voiceModes.${queue.voiceMode}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="admin-layout__detail">
            {selected ? (
              <SurveySettingsForm key={selected.queueId} settings={selected} />
            ) : (
              <p className="muted">{t('surveys.admin.pick')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
