import { useTranslation } from 'react-i18next';
import type { AttachmentView, CustomerView, MessageView } from '../../../server/http/apiTypes';
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

const isAudio = (attachment: AttachmentView) => attachment.contentType.startsWith('audio/');

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
        {message.direction === 'outbound' && message.to && (
          <span className="muted small">{t('message.to', { address: message.to })}</span>
        )}
        <Timestamp iso={message.createdAt} className="muted small" />
        {message.direction === 'outbound' && <DeliveryStatus message={message} />}
      </header>
      {message.subject && <p className="message__subject">{message.subject}</p>}
      <MessageBody message={message} />
      {message.attachments.length > 0 && (
        <ul className="message__attachments">
          {message.attachments.map((attachment) => (
            // Audio (a voicemail) plays in place, the server streaming it from Twilio; a player does not fit in a chip.
            <li key={attachment.id} className={isAudio(attachment) ? undefined : 'chip'}>
              {isAudio(attachment) ? (
                <audio
                  controls
                  preload="none"
                  src={`/api/attachments/${attachment.id}`}
                  aria-label={t('message.playAttachment', { filename: attachment.filename })}
                  data-testid="attachment-audio"
                />
              ) : (
                <>
                  <a
                    href={`/api/attachments/${attachment.id}`}
                    download={attachment.filename}
                    data-testid="attachment-link"
                  >
                    {attachment.filename}
                  </a>{' '}
                  <span className="muted">({formatSize(attachment.sizeBytes)})</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
