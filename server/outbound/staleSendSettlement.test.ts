import { describe, expect, it } from 'vitest';
import { settleStaleSend } from './staleSendSettlement';

const bounds = { staleAfterMs: 120_000, graceMs: 60_000 };
const justStale = { ageMs: 125_000, autoResends: 0, providerId: null };
const pastGrace = { ageMs: 185_000, autoResends: 0, providerId: null };
const copy = { providerId: 'SM1', status: 'delivered' as const, errorCode: null };

describe('settleStaleSend', () => {
  it('when the provider has the message, then its status is adopted at once', () => {
    expect(settleStaleSend({ kind: 'found', copy }, justStale, bounds)).toEqual({ kind: 'adopt', copy });
  });

  it('when Twilio has no such message, then it waits out the grace period, then queues it again once', () => {
    expect(settleStaleSend({ kind: 'none' }, justStale, bounds)).toEqual({ kind: 'wait' });
    expect(settleStaleSend({ kind: 'none' }, pastGrace, bounds)).toEqual({ kind: 'resend', reason: 'not_at_provider' });
    expect(settleStaleSend({ kind: 'none' }, { ...pastGrace, autoResends: 1 }, bounds)).toMatchObject({
      kind: 'fail',
      code: 'send_interrupted',
    });
  });

  it('when the mail server cannot be asked, then it is sent again at once, and a second unknown outcome is failed as undecidable', () => {
    expect(settleStaleSend({ kind: 'cannot_ask' }, justStale, bounds)).toEqual({ kind: 'resend', reason: 'no_answer' });
    expect(settleStaleSend({ kind: 'cannot_ask' }, { ...justStale, autoResends: 1 }, bounds)).toMatchObject({
      kind: 'fail',
      code: 'outcome_unknown',
    });
  });

  it('when Twilio cannot be asked, then it waits out the grace period, then fails as undecidable saying why', () => {
    const answer = { kind: 'unreachable', error: 'ECONNREFUSED' } as const;
    expect(settleStaleSend(answer, justStale, bounds)).toEqual({ kind: 'wait' });
    expect(settleStaleSend(answer, pastGrace, bounds)).toEqual({
      kind: 'fail',
      code: 'outcome_unknown',
      message: 'Twilio could not be asked whether it has this message: ECONNREFUSED',
    });
  });

  it('when Twilio no longer knows a sid we stored, then it is never sent again', () => {
    expect(settleStaleSend({ kind: 'none' }, { ...pastGrace, providerId: 'SM9' }, bounds)).toMatchObject({
      kind: 'fail',
      code: 'outcome_unknown',
    });
  });
});
