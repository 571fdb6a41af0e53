/** The outcomes an agent picks after a call; the value is stored on the call, the label is translated. */
export const DISPOSITIONS = [
  'resolved',
  'follow_up',
  'escalated',
  'callback_scheduled',
  'wrong_number',
  'no_answer',
  'other',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const isKnownDisposition = (value: string | null): value is Disposition =>
  DISPOSITIONS.includes(value as Disposition);
