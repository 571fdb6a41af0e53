import { useState } from 'react';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { rememberAccepted } from './autoAnswer';

/** Tickets whose offer I accepted lately (in any of my windows), by when: their call rings my device next. */
export function useAcceptedOffers(): ReadonlyMap<string, number> {
  const [accepted, setAccepted] = useState<ReadonlyMap<string, number>>(() => new Map());
  useRealtimeEvent('offer.ended', ({ ticketId, reason }) => {
    if (reason === 'accepted') setAccepted((known) => rememberAccepted(known, ticketId, Date.now()));
  });
  return accepted;
}
