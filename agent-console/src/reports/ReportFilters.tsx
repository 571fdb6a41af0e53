import { useTranslation } from 'react-i18next';
import type { ReportInterval } from '../../../server/http/wallApiTypes';
import { CHANNELS } from '../wall/wallFigures';
import type { ReportQuery } from './reportEndpoints';

const INTERVALS: readonly ReportInterval[] = ['15m', '30m', '60m', 'day', 'week', 'month'];

interface Props {
  query: ReportQuery;
  onChange: (query: ReportQuery) => void;
  queues: { id: string; name: string }[];
}

/** The range (days in the browser's time zone), the interval, and optionally one queue or channel. */
export function ReportFilters({ query, onChange, queues }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stats-filters" data-testid="report-filters">
      <label className="form__field">
        <span>{t('reports.interval')}</span>
        <select
          data-testid="report-interval"
          value={query.interval}
          onChange={(event) => onChange({ ...query, interval: event.target.value as ReportInterval })}
        >
          {INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {t(`reports.intervals.${interval}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form__field">
        <span>{t('reports.from')}</span>
        <input
          type="date"
          data-testid="report-from"
          value={query.from}
          max={query.to}
          onChange={(event) => onChange({ ...query, from: event.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('reports.to')}</span>
        <input
          type="date"
          data-testid="report-to"
          value={query.to}
          min={query.from}
          onChange={(event) => onChange({ ...query, to: event.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('reports.queue')}</span>
        <select
          data-testid="report-queue"
          value={query.queueId ?? ''}
          onChange={(event) => onChange({ ...query, queueId: event.target.value || undefined })}
        >
          <option value="">{t('reports.allQueues')}</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
      </label>
      <label className="form__field">
        <span>{t('reports.channel')}</span>
        <select
          data-testid="report-channel"
          value={query.channel ?? ''}
          onChange={(event) =>
            onChange({ ...query, channel: (event.target.value || undefined) as ReportQuery['channel'] })
          }
        >
          <option value="">{t('reports.allChannels')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
