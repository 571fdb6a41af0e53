import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ScreenPop } from '../../../server/http/apiTypes';
import { ChannelBadge } from '../channels/ChannelBadge';
import { InteractionList } from '../customers/InteractionList';
import { Timestamp } from '../format/Timestamp';
import { QuotedText } from '../tickets/QuotedText';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

/** The message that arrived and caused the offer. */
export function ArrivingMessage({ pop }: { pop: ScreenPop }) {
  const { t } = useTranslation();
  const { message, ticket } = pop;
  return (
    <section className="screen-pop__section" data-testid="offer-message">
      <h3>{t('offer.messageHeading')}</h3>
      <p className="screen-pop__ticket">
        <span className="muted">#{ticket.number}</span> {ticket.subject}
      </p>
      {message ? (
        <div className="screen-pop__message">
          <div className="message__meta">
            <ChannelBadge channel={message.channel} />
            {message.from && <span className="muted small">{message.from}</span>}
            <Timestamp iso={message.createdAt} className="muted small" />
          </div>
          {message.subject && message.subject !== ticket.subject && (
            <p className="message__subject">{message.subject}</p>
          )}
          <QuotedText text={message.text} />
        </div>
      ) : (
        <p className="muted">{t('offer.noMessage')}</p>
      )}
    </section>
  );
}

export function OpenTickets({ pop }: { pop: ScreenPop }) {
  const { t } = useTranslation();
  // The offered ticket is already the subject of the pop.
  const others = pop.openTickets.filter((ticket) => ticket.id !== pop.ticket.id);
  return (
    <section className="screen-pop__section">
      <h3>{t('offer.openTicketsHeading')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('offer.noOpenTickets')}</p>
      ) : (
        <ul className="plain-list" data-testid="offer-open-tickets">
          {others.map((ticket) => (
            <li key={ticket.id} className="plain-list__row">
              <Link to="/tickets/$ticketId" params={{ ticketId: ticket.id }}>
                #{ticket.number} {ticket.subject}
              </Link>
              <TicketStatusBadge status={ticket.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RecentInteractions({ pop }: { pop: ScreenPop }) {
  const { t } = useTranslation();
  return (
    <section className="screen-pop__section">
      <h3>{t('offer.interactionsHeading')}</h3>
      <InteractionList interactions={pop.recentInteractions.slice(0, 10)} />
    </section>
  );
}
