import { undeliverableReason } from '../../channels/email/deliverableAddress';
import { HttpError } from '../http/httpError';

/**
 * An agent's email reply to an address mail cannot be delivered to (`name@yahoo.com.`, a space) is refused before
 * anything is stored: a 400 naming `to`, the customer's address the reply would go to, so the agent fixes it first.
 */
export function refuseUndeliverableAddress(address: string) {
  const reason = undeliverableReason(address);
  if (!reason) return;
  const message = `the customer's address ${address} cannot receive mail: ${reason}`;
  throw new HttpError(400, 'undeliverable_address', `The reply cannot be sent: ${message}.`, [{ path: 'to', message }]);
}
