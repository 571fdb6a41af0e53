import { useTranslation } from 'react-i18next';
import type { MonitorQueue } from '../../../server/http/apiTypes';
import { SinceLabel } from '../format/SinceLabel';

export function QueueTable({ queues, now }: { queues: MonitorQueue[]; now: number }) {
  const { t } = useTranslation();
  if (queues.length === 0) return <p className="muted">{t('monitor.noQueues')}</p>;
  return (
    <table className="data-table" data-testid="queue-table">
      <thead>
        <tr>
          <th scope="col">{t('monitor.queue')}</th>
          <th scope="col" className="numeric">
            {t('monitor.waiting')}
          </th>
          <th scope="col">{t('monitor.oldestWaiting')}</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((queue) => (
          <tr key={queue.id} data-testid="queue-row" data-queue-name={queue.name} data-waiting={queue.waiting}>
            <td>{queue.name}</td>
            <td className="numeric">{queue.waiting}</td>
            <td>
              {queue.oldestWaitingSince ? (
                <SinceLabel since={queue.oldestWaitingSince} now={now} />
              ) : (
                <span className="muted">{t('monitor.nobodyWaiting')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
