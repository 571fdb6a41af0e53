/**
 * What to say about a failed send: the provider's message, and its error code when the message does not
 * already contain it (e.g. "Twilio error 30005" needs no "(30005)"). Null when there is nothing to say.
 */
export function failureDetail(
  errorMessage: string | null,
  errorCode: string | null,
): { message: string | null; code: string | null } | null {
  const message = errorMessage?.trim() || null;
  const code = errorCode?.trim() || null;
  if (!message && !code) return null;
  return { message, code: code && !message?.includes(code) ? code : null };
}

/** The codes our server gives a send it could not settle; the console words them itself (delivery.reason.*). */
const OWN_REASONS = ['send_interrupted', 'outcome_unknown'] as const;
export type OwnFailureReason = (typeof OWN_REASONS)[number];

export const isOwnFailureReason = (code: unknown): code is OwnFailureReason =>
  (OWN_REASONS as readonly unknown[]).includes(code);

/** Why the reconciler sent a message again (the `reason` of a `message.resent` entry). */
const RESEND_REASONS = ['not_at_provider', 'no_answer'] as const;
export type ResendReason = (typeof RESEND_REASONS)[number];

export const isResendReason = (reason: unknown): reason is ResendReason =>
  (RESEND_REASONS as readonly unknown[]).includes(reason);
