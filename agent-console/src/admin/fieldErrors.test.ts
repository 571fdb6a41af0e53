import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorsByPath } from './fieldErrors';

describe('errorsByPath', () => {
  it('keeps each full path apart, so an interval’s opening time is told from its closing time', () => {
    const error = new ApiRequestError(400, 'invalid_input', 'Invalid body', [
      { path: 'intervals.3.opens', message: 'overlaps another interval' },
      { path: 'intervals.3.closes', message: 'must be HH:MM' },
      { path: 'intervals.3.opens', message: 'overlaps another interval' },
    ]);
    expect(errorsByPath(error)).toEqual({
      'intervals.3.opens': ['overlaps another interval'],
      'intervals.3.closes': ['must be HH:MM'],
    });
  });

  it('has nothing for errors that are not the server’s', () => {
    expect(errorsByPath(new Error('boom'))).toEqual({});
  });
});
