import { SendError } from '../../channels/outbound';
import { OPTED_OUT_ERROR } from '../sms/smsOptOut';

export interface SendFailure {
  /**
   * `unconfirmed`: the provider may have it — do not send again, let its status callback or the outbound reconciler settle it.
   * `failed`: no retry can help (or this was the last attempt). `retry`: try again with backoff.
   */
  outcome: 'unconfirmed' | 'failed' | 'retry';
  code: string;
  message: string;
  /** The provider refused because the recipient opted out of SMS: record it on the number. */
  recipientOptedOut: boolean;
}

/** What a failed send means for the stored row, the same for a reply and a mass-SMS recipient. */
export function classifySendFailure(err: unknown, lastAttempt: boolean): SendFailure {
  const sendError = err instanceof SendError ? err : null;
  const outcome = sendError?.maybeAccepted
    ? 'unconfirmed'
    : (sendError && !sendError.retryable) || lastAttempt
      ? 'failed'
      : 'retry';
  return {
    outcome,
    code: sendError?.code ?? 'send_error',
    message: (err as Error).message,
    recipientOptedOut: sendError?.code === OPTED_OUT_ERROR,
  };
}
