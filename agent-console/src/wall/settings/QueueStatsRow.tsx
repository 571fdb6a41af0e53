import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueStatsSettingsView } from '../../../../server/http/wallApiTypes';
import { errorsByPath } from '../../admin/fieldErrors';
import { SaveStatus } from '../../admin/SaveStatus';
import { wallApi } from '../wallEndpoints';
import { useWallSettingsSave } from './useWallSettingsSave';

/** A queue's service level time and the moment its "today" starts, saved on their own. */
export function QueueStatsRow({ queue }: { queue: QueueStatsSettingsView }) {
  const { t } = useTranslation();
  const [serviceLevelSeconds, setServiceLevelSeconds] = useState(String(queue.serviceLevelSeconds));
  const [resetTime, setResetTime] = useState(queue.resetTime);
  const [timezone, setTimezone] = useState(queue.timezone);
  const save = useWallSettingsSave(() =>
    wallApi.putQueueSettings(queue.queueId, {
      serviceLevelSeconds: Number(serviceLevelSeconds),
      resetTime,
      timezone: timezone.trim(),
    }),
  );
  const errors = errorsByPath(save.error);
  const fieldError = (path: string) =>
    errors[path] && (
      <small className="field-error" role="alert" data-field={path}>
        {errors[path]!.join(' ')}
      </small>
    );

  return (
    <tr data-testid="queue-stats-row" data-queue-id={queue.queueId}>
      <th scope="row">{queue.queueName}</th>
      <td>
        <input
          type="number"
          min={1}
          className="short-input"
          data-testid="queue-service-level-seconds"
          aria-label={`${queue.queueName}: ${t('wallSettings.serviceLevelSeconds')}`}
          value={serviceLevelSeconds}
          onChange={(event) => setServiceLevelSeconds(event.target.value)}
        />
        {fieldError('serviceLevelSeconds')}
      </td>
      <td>
        <input
          type="time"
          aria-label={`${queue.queueName}: ${t('wallSettings.resetTime')}`}
          value={resetTime}
          onChange={(event) => setResetTime(event.target.value)}
        />
        {fieldError('resetTime')}
      </td>
      <td>
        <input
          aria-label={`${queue.queueName}: ${t('wallSettings.timezone')}`}
          value={timezone}
          onChange={(event) => setTimezone(event.target.value)}
        />
        {fieldError('timezone')}
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          data-testid="queue-stats-save"
          disabled={save.isPending}
          onClick={() => save.mutate(undefined)}
        >
          {t('wallSettings.saveQueue')}
        </button>
        <SaveStatus error={Object.keys(errors).length ? null : save.error} saved={save.isSuccess} />
      </td>
    </tr>
  );
}
