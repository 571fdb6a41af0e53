import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { retryMessage } from './retryMessage';

/** The agent's way to send a failed or undelivered message again; the server's refusal (e.g. opted out) shows beside it. */
export function RetrySend({
  message,
  onRetried,
}: {
  message: MessageView;
  onRetried?: (message: MessageView) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      const { message: queued } = await retryMessage(message.ticketId, message.id);
      onRetried?.(queued);
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid="retry-send"
        title={t('delivery.retryTitle')}
        disabled={busy}
        onClick={() => void retry()}
      >
        {busy ? t('delivery.retrying') : t('delivery.retry')}
      </button>
      {error && (
        <span role="alert" className="failure-reason" data-testid="retry-error">
          {error}
        </span>
      )}
    </>
  );
}
