/** Why a pop went away without this window accepting it ('gone': the server said so when we answered). */
export type OfferNoticeReason = 'accepted' | 'rejected' | 'timed_out' | 'canceled' | 'gone';

export interface OfferNotice {
  /** Distinguishes two notices with the same text, so each one gets its own display time. */
  key: number;
  reason: OfferNoticeReason;
  ticketNumber: number;
}
