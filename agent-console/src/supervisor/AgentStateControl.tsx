import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentGridRow } from '../../../server/http/wallApiTypes';
import { errorMessage } from '../api/errorMessage';
import { PRESENCE_OPTIONS } from '../presence/presenceOptions';
import { wallApi } from '../wall/wallEndpoints';

/** A supervisor sets an agent's presence (e.g. away for someone who left without signing out). */
export function AgentStateControl({
  agent,
  onChanged,
}: {
  agent: AgentGridRow;
  onChanged: (row: AgentGridRow) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (presence: AgentGridRow['presence']) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await wallApi.setAgentState(agent.id, presence));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <select
        data-testid="agent-set-state"
        aria-label={t('agentGrid.setStateFor', { name: agent.name })}
        value={agent.presence}
        disabled={busy}
        onChange={(event) => void change(event.target.value as AgentGridRow['presence'])}
      >
        {PRESENCE_OPTIONS.map((presence) => (
          <option key={presence} value={presence}>
            {t(`presence.${presence}`)}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="field-error small">
          {error}
        </p>
      )}
    </>
  );
}
