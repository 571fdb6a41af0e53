import type { ScreenPop } from '../../../server/http/apiTypes';

export type ScreenPopKind = 'call' | 'voicemail' | 'callback' | 'voice' | 'sms' | 'email';

/** What the offer is: its channel, or for a voice ticket a call, a voicemail or a callback ('voice' when unknown). */
export function screenPopKind(pop: Pick<ScreenPop, 'ticket' | 'voice'>): ScreenPopKind {
  if (pop.ticket.channel !== 'voice') return pop.ticket.channel;
  return pop.voice?.kind ?? 'voice';
}

/** The pop's (and its desktop notification's) title, as a translation key and its values. */
export function screenPopTitle(pop: Pick<ScreenPop, 'ticket' | 'voice'>): {
  key: `offer.title.${ScreenPopKind}`;
  values: { number?: string };
} {
  const kind = screenPopKind(pop);
  return {
    key: `offer.title.${kind}`,
    values: kind === 'callback' ? { number: pop.voice!.callback!.phoneNumber } : {},
  };
}
