import type { TFunction } from 'i18next';
import { ApiRequestError } from './ApiRequestError';

/**
 * Text to show for a failed call. The server's own message is preferred because it says
 * exactly what went wrong (e.g. which rate limit); our translations cover the cases it can't.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError) {
    if (error.unreachable) return t('errors.network');
    if (error.code === 'forbidden' || error.status === 403) return t('errors.forbidden');
    if (!error.code.startsWith('http_') && error.message) return error.message;
  }
  return t('errors.unexpected');
}
