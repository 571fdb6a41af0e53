import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InteractionView } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { FailureReason } from '../tickets/FailureReason';
import { previewText } from '../tickets/splitQuotedText';

/** A customer's messages across tickets and channels: channel, direction, a snippet and when. */
export function InteractionList({ interactions }: { interactions: InteractionView[] }) {
  const { t } = useTranslation();
  if (interactions.length === 0) return <p className="muted">{t('interaction.none')}</p>;
  return (
    <ol className="interaction-list" data-testid="interaction-list">
      {interactions.map((item) => (
        <li
          key={item.messageId}
          className={`interaction interaction--${item.direction}`}
          data-testid="interaction"
          data-channel={item.channel}
          data-direction={item.direction}
          data-status={item.status}
        >
          <div className="interaction__meta">
            <ChannelBadge channel={item.channel} />
            <InteractionOutcome item={item} />
            <Link to="/tickets/$ticketId" params={{ ticketId: item.ticketId }} className="interaction__ticket">
              {t('interaction.ticket', { number: item.ticketNumber })}
            </Link>
            <Timestamp iso={item.at} className="muted small" />
          </div>
          <p className="interaction__snippet">
            {previewText(item.text) || <span className="muted">{t('interaction.empty')}</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * "Received" for what the customer said; for what we said, where it got to: queued, sent, delivered, or not
 * delivered / failed with the reason (a failed reply never reads as sent).
 */
function InteractionOutcome({ item }: { item: InteractionView }) {
  const { t } = useTranslation();
  if (item.direction === 'inbound') return <span className="interaction__direction">{t('direction.inbound')}</span>;
  const failed = item.status === 'failed' || item.status === 'undelivered';
  return (
    <span
      className={`interaction__direction delivery-status delivery-status--${item.status}`}
      data-testid="interaction-status"
    >
      {t(`messageStatus.${item.status}`)}
      {failed && (item.errorMessage || item.errorCode) && (
        <>
          {': '}
          <FailureReason errorMessage={item.errorMessage} errorCode={item.errorCode} testId="interaction-error" />
        </>
      )}
    </span>
  );
}
