import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenPop } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { ScreenPopArticles } from '../knowledge/ScreenPopArticles';
import { ChannelIcon } from '../channels/ChannelIcon';
import { CustomerSummary } from '../customers/CustomerSummary';
import { HealthLine } from '../health/HealthLine';
import { SlaBadge } from '../sla/SlaBadge';
import { requestNotificationPermission } from './desktopNotifications';
import { OfferCountdown } from './OfferCountdown';
import { ArrivingMessage, OpenTickets, RecentInteractions } from './ScreenPopSections';
import { screenPopTitle } from './screenPopTitle';
import { useTakeFocus } from './useTakeFocus';
import { OfferedCall, OfferedCallback } from './ScreenPopVoiceSections';

interface Props {
  pop: ScreenPop;
  /** How many offers are waiting, this one included. */
  count: number;
  onAccept: () => Promise<void>;
  onReject: () => Promise<void>;
}

/**
 * The offered contact, everything about the customer at a glance, and Accept / Reject. It takes the focus when it
 * appears (screen readers announce it as an alert dialog), Enter accepts and Escape rejects.
 */
export function ScreenPopCard({ pop, count, onAccept, onReject }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const acceptButton = useTakeFocus<HTMLButtonElement>();
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = screenPopTitle(pop);
  const { voice } = pop;

  const respond = async (kind: 'accept' | 'reject') => {
    // A click is the gesture browsers want before asking; we ask at most once.
    if (kind === 'accept') void requestNotificationPermission();
    setBusy(kind);
    setError(null);
    try {
      await (kind === 'accept' ? onAccept() : onReject());
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (busy !== null || event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      void respond('reject');
    } else if (event.key === 'Enter' && !(event.target as HTMLElement).closest('a, button, input, select, textarea')) {
      // On a link or the Reject button, Enter does what it does there; anywhere else in the pop it accepts.
      event.preventDefault();
      void respond('accept');
    }
  };

  return (
    <section
      className="screen-pop"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      data-testid="screen-pop"
      data-offer-id={pop.offer.id}
      data-ticket-id={pop.ticket.id}
    >
      <header className="screen-pop__header">
        <ChannelIcon channel={pop.ticket.channel} />
        <h2 id={titleId}>{t(title.key, title.values)}</h2>
        {count > 1 && (
          <span className="screen-pop__count" data-testid="offer-count" data-count={count}>
            {t('offer.waiting', { total: count })}
          </span>
        )}
        <SlaBadge sla={pop.ticket.sla} />
        <OfferCountdown expiresAt={pop.offer.expiresAt} />
      </header>
      <div className="screen-pop__body">
        <section className="screen-pop__section">
          <h3>{t('offer.customerHeading')}</h3>
          <CustomerSummary customer={pop.customer} />
          <HealthLine health={pop.health} />
        </section>
        {voice?.kind === 'call' ? (
          <OfferedCall pop={pop} voice={voice} />
        ) : voice?.callback ? (
          <OfferedCallback pop={pop} callback={voice.callback} />
        ) : (
          <ArrivingMessage pop={pop} />
        )}
        <ScreenPopArticles
          ticketId={pop.ticket.id}
          suggestions={pop.articleSuggestions}
          onAccept={() => void respond('accept')}
        />
        <OpenTickets pop={pop} />
        <RecentInteractions pop={pop} />
      </div>
      <footer className="screen-pop__footer">
        {error && (
          <p role="alert" className="notice notice--error">
            {error}
          </p>
        )}
        <p id={hintId} className="screen-pop__keys muted small" data-testid="offer-keys">
          {t('offer.keys')}
        </p>
        <button
          type="button"
          className="button"
          data-testid="reject-offer"
          aria-keyshortcuts="Escape"
          disabled={busy !== null}
          onClick={() => void respond('reject')}
        >
          {busy === 'reject' ? t('offer.rejecting') : t('offer.reject')}
        </button>
        <button
          type="button"
          className="button button--primary button--accept"
          data-testid="accept-offer"
          aria-keyshortcuts="Enter"
          ref={acceptButton}
          disabled={busy !== null}
          onClick={() => void respond('accept')}
        >
          {busy === 'accept' ? t('offer.accepting') : t('offer.accept')}
        </button>
      </footer>
    </section>
  );
}
