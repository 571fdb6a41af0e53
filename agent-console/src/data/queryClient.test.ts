import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/ApiRequestError';
import { worthRetrying } from './queryClient';

describe('worthRetrying', () => {
  it('retries an unreachable server or a 5xx once', () => {
    const offline = new ApiRequestError(0, 'network_error', 'Failed to fetch');
    const crashed = new ApiRequestError(500, 'internal', 'boom');
    expect(worthRetrying(0, offline)).toBe(true);
    expect(worthRetrying(0, crashed)).toBe(true);
    expect(worthRetrying(1, crashed)).toBe(false);
  });

  it('never retries a 4xx: a ticket that is gone or forbidden stays so', () => {
    for (const status of [400, 401, 403, 404, 409]) {
      expect(worthRetrying(0, new ApiRequestError(status, 'x', 'no'))).toBe(false);
    }
  });
});
