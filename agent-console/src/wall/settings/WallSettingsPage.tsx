import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../admin/SaveStatus';
import '../../admin/admin.css';
import '../wall.css';
import { queryKeys } from '../../data/queryKeys';
import { wallApi } from '../wallEndpoints';
import { MonitoringSettingsForm } from './MonitoringSettingsForm';
import { QueueStatsRow } from './QueueStatsRow';
import { ThresholdForm } from './ThresholdForm';

/** Admins: the wall's thresholds per figure and queue, each queue's statistics settings, call monitoring. */
export function WallSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: queryKeys.wallSettings, queryFn: wallApi.settings });
  // '' stands for the defaults of every queue.
  const [scope, setScope] = useState('');
  const data = settings.data;

  return (
    <section className="page page--wide wall-settings-page" data-testid="wall-settings-page">
      <header className="page__header">
        <h1>{t('wallSettings.title')}</h1>
        <p className="muted">{t('wallSettings.intro')}</p>
      </header>
      <QueryStatus pending={!data} error={settings.error} />
      {data && (
        <>
          <h2>{t('wallSettings.thresholdsHeading')}</h2>
          <p className="muted">{t('wallSettings.thresholdsIntro')}</p>
          <div className="admin-layout">
            <div className="admin-layout__list">
              <table className="data-table data-table--clickable">
                <thead>
                  <tr>
                    <th scope="col">{t('wallSettings.scope')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[{ queueId: '', queueName: t('wallSettings.allQueues') }, ...data.queues].map((queue) => (
                    <tr
                      key={queue.queueId}
                      data-testid="threshold-scope"
                      data-queue-id={queue.queueId}
                      aria-current={queue.queueId === scope ? 'true' : undefined}
                      onClick={() => setScope(queue.queueId)}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setScope(queue.queueId)}>
                          {queue.queueName}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="admin-layout__detail">
              {/* A fresh form per scope, so it starts from what is stored for that scope. */}
              <ThresholdForm key={scope} thresholds={data.thresholds} queueId={scope || null} />
            </div>
          </div>

          <h2>{t('wallSettings.queuesHeading')}</h2>
          <p className="muted">{t('wallSettings.queuesIntro')}</p>
          <div className="table-scroll">
            <table className="data-table wall-settings-table" data-testid="queue-stats-settings">
              <thead>
                <tr>
                  <th scope="col">{t('wallSettings.queue')}</th>
                  <th scope="col">{t('wallSettings.serviceLevelSeconds')}</th>
                  <th scope="col">{t('wallSettings.resetTime')}</th>
                  <th scope="col">{t('wallSettings.timezone')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {data.queues.map((queue) => (
                  <QueueStatsRow key={queue.queueId} queue={queue} />
                ))}
              </tbody>
            </table>
          </div>

          <h2>{t('wallSettings.monitoringHeading')}</h2>
          <MonitoringSettingsForm settings={data} />
        </>
      )}
    </section>
  );
}
