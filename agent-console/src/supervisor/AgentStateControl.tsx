import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../server/http/apiTypes';
import type { AgentGridRow } from '../../../server/http/wallApiTypes';
import { errorMessage } from '../api/errorMessage';
import { choiceValue, presenceChoices } from '../presence/presenceChoices';
import { useAwayReasons } from '../presence/useAwayReasons';
import { wallApi } from '../wall/wallEndpoints';

/** A supervisor sets an agent's presence (e.g. away for someone who left without signing out), away maybe with a reason. */
export function AgentStateControl({
  agent,
  onChanged,
}: {
  agent: AgentGridRow;
  onChanged: (row: AgentGridRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const reasons = useAwayReasons();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = { presence: agent.presence, awayReason: agent.awayReasonCode };
  const choices = presenceChoices(reasons.data ?? [], i18n.language, current);

  const change = async (presence: Presence, reason: string | null) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await wallApi.setAgentState(agent.id, presence, reason));
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
        value={choiceValue(current.presence, current.awayReason)}
        disabled={busy}
        onChange={(event) => {
          const choice = choices.find((c) => c.value === event.target.value);
          if (choice) void change(choice.presence, choice.reason);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.reasonLabel
              ? t('presence.awayWithReason', { reason: choice.reasonLabel })
              : t(`presence.${choice.presence}`)}
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
