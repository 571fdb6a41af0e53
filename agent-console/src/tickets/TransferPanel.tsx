import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import type { TransferTarget } from '../api/ticketEndpoints';
import { useTransferTicket } from './ticketMutations';
import type { Directory } from './useDirectory';

interface Props {
  ticketId: string;
  directory: Directory;
  /** Left out of the agent list: transferring to oneself changes nothing. */
  currentUserId: string;
  onTransferred: (ticket: TicketSummary) => void;
  onCancel: () => void;
}

/** Option values are "queue:<id>" and "agent:<id>". */
function targetFrom(value: string): TransferTarget | null {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (!id) return null;
  if (kind === 'queue') return { queueId: id };
  if (kind === 'agent') return { agentId: id };
  return null;
}

export function TransferPanel({ ticketId, directory, currentUserId, onTransferred, onCancel }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const mutation = useTransferTicket(ticketId);
  // Still busy after success: the panel closes with the answer.
  const busy = mutation.isPending || mutation.isSuccess;
  const error = mutation.error ? errorMessage(mutation.error, t) : null;
  const target = targetFrom(value);
  const agents = directory.agents?.filter((agent) => agent.id !== currentUserId) ?? [];

  const transfer = () => {
    if (target) mutation.mutate(target, { onSuccess: ({ ticket }) => onTransferred(ticket) });
  };

  return (
    <div className="transfer-panel" data-testid="transfer-panel">
      <label className="form__field">
        <span>{t('transfer.to')}</span>
        <select
          data-testid="transfer-target"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          disabled={!directory.queues}
        >
          <option value="">{directory.queues ? t('transfer.choose') : t('app.loading')}</option>
          {directory.queues && directory.queues.length > 0 && (
            <optgroup label={t('transfer.queues')}>
              {directory.queues.map((queue) => (
                <option key={queue.id} value={`queue:${queue.id}`}>
                  {queue.name}
                </option>
              ))}
            </optgroup>
          )}
          {agents.length > 0 && (
            <optgroup label={t('transfer.agents')}>
              {agents.map((agent) => (
                <option key={agent.id} value={`agent:${agent.id}`}>
                  {t('transfer.agentOption', { name: agent.name, presence: t(`presence.${agent.presence}`) })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {!directory.queues && directory.error != null && (
        <p role="alert" className="notice notice--error">
          {errorMessage(directory.error, t)}
        </p>
      )}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="confirm-transfer"
          disabled={!target || busy}
          onClick={transfer}
        >
          {busy ? t('transfer.transferring') : t('transfer.confirm')}
        </button>
        <button type="button" className="button" data-testid="cancel-transfer" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
