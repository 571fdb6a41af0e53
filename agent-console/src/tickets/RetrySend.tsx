import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { useRetryMessage } from './ticketMutations';

/** The agent's way to send a failed or undelivered message again; the server's refusal (e.g. opted out) shows beside it. */
export function RetrySend({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const retry = useRetryMessage(message);
  const busy = retry.isPending;
  const error = retry.error ? errorMessage(retry.error, t) : null;

  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid="retry-send"
        title={t('delivery.retryTitle')}
        disabled={busy}
        onClick={() => retry.mutate()}
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
