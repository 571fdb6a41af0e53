import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallSettingsResponse } from '../../../../server/http/wallApiTypes';
import { errorsByPath } from '../../admin/fieldErrors';
import { AdminField } from '../../admin/AdminField';
import { SaveStatus } from '../../admin/SaveStatus';
import { wallApi } from '../wallEndpoints';
import { useWallSettingsSave } from './useWallSettingsSave';

/** Whether agents see that they are monitored, and how soon a hang-up counts as a short abandon. */
export function MonitoringSettingsForm({ settings }: { settings: WallSettingsResponse }) {
  const { t } = useTranslation();
  const [notify, setNotify] = useState(settings.notifyAgentWhenMonitored);
  const [shortAbandon, setShortAbandon] = useState(String(settings.shortAbandonSeconds));
  const save = useWallSettingsSave(wallApi.putMonitoringSettings);
  const errors = errorsByPath(save.error);

  return (
    <form
      className="form admin-form"
      data-testid="monitoring-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ notifyAgentWhenMonitored: notify, shortAbandonSeconds: Number(shortAbandon) });
      }}
    >
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="notify-agent-when-monitored"
          checked={notify}
          onChange={(event) => setNotify(event.target.checked)}
        />
        {t('wallSettings.notifyAgent')}
      </label>
      <AdminField label={t('wallSettings.shortAbandonSeconds')} path="shortAbandonSeconds" errors={errors}>
        <input
          type="number"
          min={0}
          className="short-input"
          data-testid="short-abandon-seconds"
          value={shortAbandon}
          onChange={(event) => setShortAbandon(event.target.value)}
        />
      </AdminField>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('wallSettings.saveMonitoring')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
