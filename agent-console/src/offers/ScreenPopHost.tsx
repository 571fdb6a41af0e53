import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { primeOfferChime } from './offerChime';
import { OfferNoticeToast } from './OfferNoticeToast';
import { ScreenPopCard } from './ScreenPopCard';
import { useOfferQueue } from './useOfferQueue';

/** Shows the oldest pending offer (with how many wait behind it) and what became of offers that went away. */
export function ScreenPopHost() {
  const navigate = useNavigate();
  const { queue, notice, dismissNotice, accept, reject } = useOfferQueue();
  const front = queue[0]?.pop;

  // The first click or key press anywhere unlocks audio, so later chimes are heard.
  useEffect(() => {
    const unlock = () => {
      primeOfferChime();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  return (
    <>
      {notice && <OfferNoticeToast key={notice.key} notice={notice} onDismiss={dismissNotice} />}
      {front && (
        <ScreenPopCard
          key={front.offer.id}
          pop={front}
          count={queue.length}
          onAccept={async () => {
            const ticket = await accept(front.offer.id);
            if (ticket) await navigate({ to: '/tickets/$ticketId', params: { ticketId: ticket.id } });
          }}
          onReject={() => reject(front.offer.id)}
        />
      )}
    </>
  );
}
