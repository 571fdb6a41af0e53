import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/ApiRequestError';
import { policyErrors } from './policyErrors';

describe('policyErrors', () => {
  it('shows a complaint about one entry of a list by the list’s field, once per message', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'Invalid policy', [
      { path: 'smsRecipients.0', message: 'must be a phone number in E.164, like +14155550100' },
      { path: 'smsRecipients.2', message: 'must be a phone number in E.164, like +14155550100' },
      { path: 'escalation.emailRecipients.1', message: 'must be an email address' },
      { path: 'firstResponseMinutes', message: 'set at least one target' },
    ]);
    expect(policyErrors(error)).toEqual({
      smsRecipients: ['must be a phone number in E.164, like +14155550100'],
      'escalation.emailRecipients': ['must be an email address'],
      firstResponseMinutes: ['set at least one target'],
    });
  });

  it('has nothing to say about a failure that is not the server’s answer', () => {
    expect(policyErrors(new Error('offline'))).toEqual({});
  });
});
