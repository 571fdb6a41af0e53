import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingContactView } from '../../../server/http/wallApiTypes';
import { errorMessage } from '../api/errorMessage';
import { queryKeys } from '../data/queryKeys';
import { wallApi } from '../wall/wallEndpoints';

interface Props {
  contact: WaitingContactView;
  agents: { id: string; name: string }[];
}

/** Give a waiting contact to a chosen agent, or take it myself. */
export function WaitingContactActions({ contact, agents }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [agentId, setAgentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: queryKeys.monitor });
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="waiting-actions">
      <select
        data-testid="reassign-agent"
        aria-label={t('waiting.reassignLabel', { number: contact.ticketNumber })}
        value={agentId}
        disabled={busy}
        onChange={(event) => setAgentId(event.target.value)}
      >
        <option value="">{t('waiting.chooseAgent')}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        data-testid="reassign-contact"
        disabled={busy || agentId === ''}
        onClick={() => void act(() => wallApi.reassign(contact.ticketId, agentId))}
      >
        {t('waiting.assign')}
      </button>
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="take-contact"
        disabled={busy}
        onClick={() => void act(() => wallApi.take(contact.ticketId))}
      >
        {t('waiting.takeIt')}
      </button>
      {error && (
        <p role="alert" className="field-error small">
          {error}
        </p>
      )}
    </div>
  );
}
