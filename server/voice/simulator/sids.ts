import { randomBytes } from 'node:crypto';

/** A Twilio-shaped SID: two-letter type prefix and 32 hex digits. */
export function newSid(prefix: 'CA' | 'CF' | 'QU' | 'RE' | 'TR' | 'PN') {
  return prefix + randomBytes(16).toString('hex');
}
