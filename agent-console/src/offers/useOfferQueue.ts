import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenPop, TicketSummary } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { acceptOffer, getMyOffers, rejectOffer } from '../api/offerEndpoints';
import { customerName } from '../customers/customerName';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { previewText } from '../tickets/splitQuotedText';
import { showDesktopNotification } from './desktopNotifications';
import { playOfferChime } from './offerChime';
import type { OfferNotice, OfferNoticeReason } from './offerNotice';
import { addOffer, dropExpired, findOffer, removeOffer, restoreOffers, type OfferQueue } from './offerQueue';
import { screenPopTitle } from './screenPopTitle';

// The server ends expired offers and says so; this only clears a pop whose end we missed.
const EXPIRED_GRACE_MS = 5_000;

export interface OfferQueueState {
  queue: OfferQueue;
  notice: OfferNotice | null;
  dismissNotice: () => void;
  /** The accepted ticket, or null when the offer was gone (the pop is then removed and a notice shown). */
  accept: (offerId: string) => Promise<TicketSummary | null>;
  reject: (offerId: string) => Promise<void>;
}

const isGone = (error: unknown) =>
  error instanceof ApiRequestError && (error.code === 'offer_gone' || error.status === 404 || error.status === 409);

/** The pending offers of this user, kept live from offer events and restored from the server on every (re)connect. */
export function useOfferQueue(): OfferQueueState {
  // The i18n instance is stable, so switching language does not re-run the restore below.
  const { i18n } = useTranslation();
  const { connectionGeneration, acknowledgeOffer } = useRealtime();
  const [queue, setQueueState] = useState<OfferQueue>([]);
  const [notice, setNotice] = useState<OfferNotice | null>(null);
  // The queue as of now (events arrive between renders), and offers this window is answering itself.
  const queueRef = useRef<OfferQueue>(queue);
  const answeredHere = useRef(new Set<string>());
  // Offers known to be over: a restore answer computed before they ended must not bring them back.
  const ended = useRef(new Set<string>());
  const notifications = useRef(new Map<string, Notification>());

  const setQueue = useCallback((change: (queue: OfferQueue) => OfferQueue) => {
    const next = change(queueRef.current);
    if (next === queueRef.current) return;
    queueRef.current = next;
    setQueueState(next);
  }, []);

  const say = useCallback((reason: OfferNoticeReason, ticketNumber: number) => {
    setNotice({ key: Date.now(), reason, ticketNumber });
  }, []);

  /** Sound and desktop notification for offers not seen before. */
  const announce = useCallback(
    (pops: readonly ScreenPop[]) => {
      if (pops.length === 0) return;
      playOfferChime();
      const t = i18n.t.bind(i18n);
      for (const pop of pops) {
        const heading = screenPopTitle(pop);
        const title = t(heading.key, heading.values);
        const body = [
          customerName(pop.customer, t),
          pop.message ? previewText(pop.message.text, 120) : pop.ticket.subject,
        ].join(' — ');
        const notification = showDesktopNotification(title, body, pop.offer.id);
        if (notification) notifications.current.set(pop.offer.id, notification);
      }
    },
    [i18n],
  );

  const add = useCallback(
    (pops: readonly ScreenPop[], change: (queue: OfferQueue) => OfferQueue) => {
      const fresh = pops.filter((pop) => !findOffer(queueRef.current, pop.offer.id));
      setQueue(change);
      const shown = fresh.filter((pop) => findOffer(queueRef.current, pop.offer.id));
      for (const pop of shown) acknowledgeOffer(pop.offer.id);
      announce(shown);
    },
    [announce, setQueue, acknowledgeOffer],
  );

  useRealtimeEvent('offer.created', (pop) => add([pop], (current) => addOffer(current, pop, Date.now())));

  useRealtimeEvent('offer.ended', ({ offerId, reason }) => {
    ended.current.add(offerId);
    const entry = findOffer(queueRef.current, offerId);
    if (!entry) return;
    setQueue((current) => removeOffer(current, offerId));
    if (!answeredHere.current.has(offerId)) say(reason, entry.pop.ticket.number);
  });

  // On load and after every reconnect: offers may have come or gone while we were not listening.
  useEffect(() => {
    let current = true;
    const requestedAt = Date.now();
    getMyOffers().then(
      ({ offers }) => {
        if (!current) return;
        const pending = offers.filter((pop) => !ended.current.has(pop.offer.id));
        add(pending, (known) => restoreOffers(known, pending, requestedAt));
      },
      () => undefined, // Kept as is; the next reconnect tries again.
    );
    return () => {
      current = false;
    };
  }, [connectionGeneration, add]);

  const hasOffers = queue.length > 0;
  useEffect(() => {
    if (!hasOffers) return;
    const timer = setInterval(() => setQueue((current) => dropExpired(current, Date.now(), EXPIRED_GRACE_MS)), 1_000);
    return () => clearInterval(timer);
  }, [hasOffers, setQueue]);

  // Desktop notifications go when their pop goes.
  useEffect(() => {
    for (const [offerId, notification] of notifications.current) {
      if (findOffer(queue, offerId)) continue;
      notification.close();
      notifications.current.delete(offerId);
    }
  }, [queue]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const answer = useCallback(
    async <T>(offerId: string, send: (offerId: string) => Promise<T>): Promise<T | null> => {
      const entry = findOffer(queueRef.current, offerId);
      answeredHere.current.add(offerId);
      try {
        const result = await send(offerId);
        ended.current.add(offerId);
        setQueue((current) => removeOffer(current, offerId));
        return result;
      } catch (error) {
        if (!isGone(error)) {
          answeredHere.current.delete(offerId);
          throw error;
        }
        ended.current.add(offerId);
        setQueue((current) => removeOffer(current, offerId));
        if (entry) say('gone', entry.pop.ticket.number);
        return null;
      }
    },
    [say, setQueue],
  );

  const accept = useCallback(async (offerId: string) => (await answer(offerId, acceptOffer))?.ticket ?? null, [answer]);
  const reject = useCallback(async (offerId: string) => void (await answer(offerId, rejectOffer)), [answer]);
  const dismissNotice = useCallback(() => setNotice(null), []);

  return { queue, notice, dismissNotice, accept, reject };
}
