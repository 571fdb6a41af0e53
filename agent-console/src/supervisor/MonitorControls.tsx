import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorMode, MonitorSessionView } from '../../../server/http/wallApiTypes';
import { errorMessage } from '../api/errorMessage';
import { queryKeys } from '../data/queryKeys';
import { wallApi } from '../wall/wallEndpoints';

const MODES: readonly MonitorMode[] = ['listen', 'whisper', 'barge'];

interface Props {
  callId: string;
  agentName: string;
  /** My session on this call, if I monitor it. */
  session: MonitorSessionView | null;
}

/**
 * Listen, whisper (coach) or barge in on an agent's call; the server rings my phone into the conference. While I
 * monitor, the buttons switch mode and Stop hangs my leg up.
 */
export function MonitorControls({ callId, agentName, session }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = session && session.status !== 'ended' ? session : null;

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: queryKeys.wallCalls });
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const choose = (mode: MonitorMode) =>
    act(() => (live ? wallApi.changeMonitoring(live.id, mode) : wallApi.startMonitoring(callId, mode)));

  return (
    <div
      className="monitor-controls"
      role="group"
      aria-label={t('agentGrid.monitorLabel', { name: agentName })}
      data-testid="monitor-controls"
      data-mode={live?.mode ?? ''}
      data-status={live?.status ?? ''}
    >
      {MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className="button button--small"
          data-testid={`monitor-${mode}`}
          aria-pressed={live?.mode === mode}
          title={t(`monitoring.modeHint.${mode}`)}
          disabled={busy || live?.mode === mode}
          onClick={() => void choose(mode)}
        >
          {t(`monitoring.mode.${mode}`)}
        </button>
      ))}
      {live && (
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="monitor-stop"
          disabled={busy}
          onClick={() => void act(() => wallApi.stopMonitoring(live.id))}
        >
          {t('agentGrid.stopMonitoring')}
        </button>
      )}
      {error && (
        <p role="alert" className="field-error small">
          {error}
        </p>
      )}
    </div>
  );
}
