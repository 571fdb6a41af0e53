import { describe, expect, it } from 'vitest';
import { SendError } from '../../channels/outbound';
import { classifySendFailure } from './sendFailure';

describe('classifySendFailure', () => {
  it('when the provider may already have the message, then it is unconfirmed, even on the last attempt', () => {
    expect(classifySendFailure(new SendError('socket hang up', 'ECONNRESET', true, true), true)).toMatchObject({
      outcome: 'unconfirmed',
      code: 'ECONNRESET',
    });
  });

  it('when a retry can help, then it is retried — unless this was the last attempt', () => {
    const busy = new SendError('Twilio 429', '20429', true);
    expect(classifySendFailure(busy, false).outcome).toBe('retry');
    expect(classifySendFailure(busy, true).outcome).toBe('failed');
  });

  it('when no retry can help, then it fails; 21610 also says the recipient opted out', () => {
    expect(classifySendFailure(new SendError('invalid', '21211', false), false)).toEqual({
      outcome: 'failed',
      code: '21211',
      message: 'invalid',
      recipientOptedOut: false,
    });
    expect(classifySendFailure(new SendError('unsubscribed', '21610', false), false).recipientOptedOut).toBe(true);
  });

  it('when the error is not a SendError, then it is retried as a generic send error', () => {
    expect(classifySendFailure(new Error('boom'), false)).toEqual({
      outcome: 'retry',
      code: 'send_error',
      message: 'boom',
      recipientOptedOut: false,
    });
  });
});
