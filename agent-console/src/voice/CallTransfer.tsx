import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { errorMessage } from '../api/errorMessage';
import { transferCall } from '../api/voiceEndpoints';
import { useDirectory } from '../tickets/useDirectory';
import { agentChoices, agentOption, queueOption, transferTargetOf } from './callTransferTarget';

interface Props {
  callId: string;
  user: Pick<UserView, 'id' | 'name'>;
  onTransferred: (call: CallView) => void;
  onCancel: () => void;
}

/**
 * Hands the caller to a queue (they wait again, keeping their place in time) or to another agent (on hold while they
 * are rung). Offline agents are shown but cannot be chosen: nothing would ring. Focus starts in the panel; Escape closes it.
 */
export function CallTransfer({ callId, user, onTransferred, onCancel }: Props) {
  const { t } = useTranslation();
  const directory = useDirectory(user);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = transferTargetOf(value);
  const agents = agentChoices(directory.agents ?? [], user.id);
  const select = useRef<HTMLSelectElement>(null);
  const loaded = directory.queues !== null;

  // Into the panel as it opens, and again once the choices arrive (the select is disabled while loading).
  useEffect(() => {
    select.current?.focus();
  }, [loaded]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };

  const transfer = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const { call } = await transferCall(callId, target);
      onTransferred(call);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <div
      className="call-transfer"
      data-testid="call-transfer-panel"
      role="group"
      aria-label={t('transfer.to')}
      onKeyDown={onKeyDown}
    >
      <label className="form__field">
        <span>{t('transfer.to')}</span>
        <select
          ref={select}
          data-testid="call-transfer-target"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          disabled={!directory.queues}
        >
          <option value="">{directory.queues ? t('transfer.choose') : t('app.loading')}</option>
          {directory.queues && directory.queues.length > 0 && (
            <optgroup label={t('transfer.queues')}>
              {directory.queues.map((queue) => (
                <option key={queue.id} value={queueOption(queue.id)}>
                  {queue.name}
                </option>
              ))}
            </optgroup>
          )}
          {agents.length > 0 && (
            <optgroup label={t('transfer.agents')}>
              {agents.map((agent) => (
                <option
                  key={agent.id}
                  value={agentOption(agent.id)}
                  disabled={agent.disabled}
                  data-presence={agent.presence}
                >
                  {t(`transfer.${agent.label}`, { name: agent.name, presence: t(`presence.${agent.presence}`) })}
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
          className="button button--primary button--small"
          data-testid="call-transfer-confirm"
          disabled={!target || busy}
          onClick={() => void transfer()}
        >
          {busy ? t('transfer.transferring') : t('transfer.confirm')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
