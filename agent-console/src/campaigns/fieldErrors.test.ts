import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/ApiRequestError';
import { fieldErrors, hasShownField } from './fieldErrors';

describe('fieldErrors', () => {
  it('groups messages by the first part of the path, without repeats', () => {
    const error = new ApiRequestError(400, 'invalid_input', 'Check the form', [
      { path: 'name', message: 'is required' },
      { path: 'customerIds.0', message: 'must be a UUID' },
      { path: 'customerIds.4', message: 'must be a UUID' },
      { path: 'ratePerMinute', message: 'must be at most 600' },
    ]);
    expect(fieldErrors(error)).toEqual({
      name: ['is required'],
      customerIds: ['must be a UUID'],
      ratePerMinute: ['must be at most 600'],
    });
  });

  it('is empty for other failures', () => {
    expect(fieldErrors(new ApiRequestError(0, 'network_error', 'Failed to fetch'))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('hasShownField', () => {
  it('tells whether the form can show any of the messages next to a field', () => {
    expect(hasShownField({ name: ['is required'] }, ['name', 'text'])).toBe(true);
    expect(hasShownField({ body: ['is odd'] }, ['name', 'text'])).toBe(false);
  });
});
