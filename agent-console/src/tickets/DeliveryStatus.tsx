import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';
import { FailureReason } from './FailureReason';
import { RetrySend } from './RetrySend';

/**
 * Where an outbound message is: queued, sending, sent, delivered, or undelivered / failed with the reason and a
 * way to send it again.
 */
export function DeliveryStatus({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const failed = message.status === 'failed' || message.status === 'undelivered';
  return (
    <>
      <span
        className={`delivery-status delivery-status--${message.status}`}
        data-testid="delivery-status"
        data-status={message.status}
      >
        {t(`messageStatus.${message.status}`)}
        {failed && (message.errorMessage || message.errorCode) && (
          <>
            {': '}
            <FailureReason errorMessage={message.errorMessage} errorCode={message.errorCode} testId="delivery-error" />
          </>
        )}
      </span>
      {failed && <RetrySend message={message} />}
    </>
  );
}
