import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../server/http/apiTypes';

/** Where an outbound message is: queued, sent, delivered, or failed with the reason. */
export function DeliveryStatus({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const failed = message.status === 'failed' || message.status === 'undelivered';
  return (
    <span className={`delivery-status delivery-status--${message.status}`} data-testid="delivery-status">
      {t(`messageStatus.${message.status}`)}
      {failed && (message.errorMessage || message.errorCode) && (
        <span className="delivery-status__reason" data-testid="delivery-error">
          {': '}
          {message.errorMessage ?? message.errorCode}
        </span>
      )}
    </span>
  );
}
