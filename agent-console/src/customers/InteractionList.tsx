import { useTranslation } from 'react-i18next';
import type { InteractionView } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { Timestamp } from '../format/Timestamp';
import { AppLink } from '../navigation/AppLink';
import { ticketPath } from '../navigation/routes';
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
        >
          <div className="interaction__meta">
            <ChannelBadge channel={item.channel} />
            <span className="interaction__direction">{t(`direction.${item.direction}`)}</span>
            <AppLink to={ticketPath(item.ticketId)} className="interaction__ticket">
              {t('interaction.ticket', { number: item.ticketNumber })}
            </AppLink>
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
