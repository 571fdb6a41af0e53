import { useTranslation } from 'react-i18next';
import type { CustomerView, MessageView } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { customerName } from '../customers/customerName';
import { Timestamp } from '../format/Timestamp';
import { DeliveryStatus } from './DeliveryStatus';
import { MessageBody } from './MessageBody';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function MessageItem({ message, customer }: { message: MessageView; customer: CustomerView }) {
  const { t } = useTranslation();
  const author =
    message.direction === 'inbound'
      ? customer.name?.trim() || message.from || customerName(customer, t)
      : (message.author?.name ?? t('message.automatic'));

  return (
    <article
      className={`message message--${message.direction}`}
      data-testid="message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-status={message.status}
      data-channel={message.channel}
    >
      <header className="message__meta">
        <span className="message__author">{author}</span>
        <ChannelBadge channel={message.channel} />
        {message.direction === 'inbound' && message.from && message.from !== author && (
          <span className="muted small">{message.from}</span>
        )}
        {message.direction === 'outbound' && message.to && <span className="muted small">{t('message.to', { address: message.to })}</span>}
        <Timestamp iso={message.createdAt} className="muted small" />
        {message.direction === 'outbound' && <DeliveryStatus message={message} />}
      </header>
      {message.subject && <p className="message__subject">{message.subject}</p>}
      <MessageBody message={message} />
      {message.attachments.length > 0 && (
        <ul className="message__attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.id} className="chip">
              <a href={`/api/attachments/${attachment.id}`} download={attachment.filename} data-testid="attachment-link">
                {attachment.filename}
              </a>{' '}
              <span className="muted">({formatSize(attachment.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
