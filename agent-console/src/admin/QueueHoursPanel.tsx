import { useTranslation } from 'react-i18next';
import { useBusinessHours, useQueues } from './adminQueries';
import { HoursLabel } from './HoursLabel';
import { QueryStatus } from './SaveStatus';
import './admin.css';

/**
 * For the phone line page: each queue's own hours, which decide whether a caller who picks it is taken in or hears the
 * closed message, whatever the line's hours say.
 */
export function QueueHoursPanel() {
  const { t } = useTranslation();
  const queues = useQueues();
  const hours = useBusinessHours();
  const calendarOf = (id: string | null) => hours.data?.businessHours.find((h) => h.id === id) ?? null;
  return (
    <section className="card card--wide" data-testid="queue-hours-panel">
      <h2>{t('admin.queueHours.title')}</h2>
      <p className="muted small">{t('admin.queueHours.intro')}</p>
      <QueryStatus pending={!queues.data || !hours.data} error={queues.error ?? hours.error} />
      {queues.data && hours.data && (
        <table className="data-table">
          <tbody>
            {queues.data.queues.map((queue) => (
              <tr key={queue.id} data-testid="queue-hours" data-queue={queue.name}>
                <td>
                  <strong>{queue.name}</strong>
                </td>
                <td>
                  <HoursLabel hours={calendarOf(queue.businessHoursId)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
