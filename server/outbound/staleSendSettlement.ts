import type { ProviderCopy } from '../../channels/outbound';

/** How long a send may take before it counts as interrupted, and how long after that Twilio's list is given to show it. */
export interface StaleBounds {
  staleAfterMs: number;
  graceMs: number;
}

/** What the provider says about a send left `sending`. */
export type ProviderAnswer =
  | { kind: 'found'; copy: ProviderCopy }
  | { kind: 'none' }
  | { kind: 'unreachable'; error: string }
  /** SMTP: a mail server cannot be asked afterwards whether it took a message. */
  | { kind: 'cannot_ask' };

export type ResendReason = 'not_at_provider' | 'no_answer';

export type Settlement =
  | { kind: 'adopt'; copy: ProviderCopy }
  | { kind: 'wait' }
  | { kind: 'resend'; reason: ResendReason }
  | { kind: 'fail'; code: 'send_interrupted' | 'outcome_unknown'; message: string };

// A send the reconciler puts back in the queue once; if that one is interrupted too, a person decides.
export const MAX_AUTOMATIC_RESENDS = 1;

/**
 * What becomes of a send left `sending` past the stale bound (its process died, or the provider's answer never
 * came). The provider has it → its status. Twilio has none once the grace period has passed → it never left:
 * queued again. SMTP cannot be asked → sent again with the same Message-ID, which receivers fold into one.
 * Either only once: a second interruption, or a provider that cannot be asked in time, is shown as failed
 * with the reason, for the agent to retry.
 */
export function settleStaleSend(
  answer: ProviderAnswer,
  send: { ageMs: number; autoResends: number; providerId: string | null },
  bounds: StaleBounds,
): Settlement {
  if (answer.kind === 'found') return { kind: 'adopt', copy: answer.copy };
  const mayResend = send.autoResends < MAX_AUTOMATIC_RESENDS;
  if (answer.kind === 'cannot_ask') {
    return mayResend
      ? { kind: 'resend', reason: 'no_answer' }
      : {
          kind: 'fail',
          code: 'outcome_unknown',
          message:
            'The mail server’s answer never came, and neither did it on the resend: it may or may not have the mail.',
        };
  }
  if (send.ageMs < bounds.staleAfterMs + bounds.graceMs) return { kind: 'wait' };
  if (answer.kind === 'unreachable') {
    return {
      kind: 'fail',
      code: 'outcome_unknown',
      message: `Twilio could not be asked whether it has this message: ${answer.error}`,
    };
  }
  if (send.providerId)
    return { kind: 'fail', code: 'outcome_unknown', message: `Twilio no longer knows message ${send.providerId}.` };
  return mayResend
    ? { kind: 'resend', reason: 'not_at_provider' }
    : {
        kind: 'fail',
        code: 'send_interrupted',
        message: 'Sending was interrupted before Twilio took the message, on the resend too.',
      };
}
