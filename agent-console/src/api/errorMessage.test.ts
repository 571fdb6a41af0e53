import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './ApiRequestError';
import { errorMessage } from './errorMessage';

// Returns the key, so the test sees which translation was chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe('errorMessage', () => {
  it("shows the server's own message for API errors", () => {
    const error = new ApiRequestError(429, 'rate_limited', 'Too many attempts. Try again in 15 minutes.');
    expect(errorMessage(error, t)).toBe('Too many attempts. Try again in 15 minutes.');
  });

  it('says the server cannot be reached for network failures and proxy gateway errors', () => {
    expect(errorMessage(new ApiRequestError(0, 'network_error', 'Failed to fetch'), t)).toBe('errors.network');
    expect(errorMessage(new ApiRequestError(502, 'http_502', 'Bad Gateway'), t)).toBe('errors.network');
  });

  it('uses a translated text for 403 rather than the English server message', () => {
    expect(errorMessage(new ApiRequestError(403, 'forbidden', 'Your role does not allow this.'), t)).toBe(
      'errors.forbidden',
    );
  });

  it('falls back to a generic text for non-JSON errors and anything that is not an API error', () => {
    expect(errorMessage(new ApiRequestError(500, 'http_500', 'Internal Server Error'), t)).toBe('errors.unexpected');
    expect(errorMessage(new TypeError('boom'), t)).toBe('errors.unexpected');
  });
});
