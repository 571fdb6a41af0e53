import { useTranslation } from 'react-i18next';
import { useRealtime } from '../realtime/realtimeContext';

/** Silent while connected; says so while the link to the server is down. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const { state } = useRealtime();
  const connected = state === 'connected';
  return (
    <span
      className="connection-status"
      data-testid="connection-status"
      data-state={connected ? 'connected' : 'reconnecting'}
      aria-live="polite"
      title={`${t('connection.label')}: ${t(`connection.${state}`)}`}
    >
      {!connected && t(`connection.${state}`)}
    </span>
  );
}
