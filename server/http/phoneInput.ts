import type { AppContext } from '../context';
import { normalizeIdentity } from '../customers/identity';
import { HttpError } from './httpError';

/** A phone number someone typed, in E.164 (a national number read in DEFAULT_PHONE_REGION), or a 400 naming the field. */
export function parsePhoneInput(ctx: Pick<AppContext, 'config'>, value: string, field: string): string {
  try {
    return normalizeIdentity('phone', value, ctx.config.DEFAULT_PHONE_REGION as never);
  } catch {
    throw new HttpError(400, 'invalid_input', `${field} must be a phone number, like +14155550100`, [
      { path: field, message: 'must be a phone number' },
    ]);
  }
}
