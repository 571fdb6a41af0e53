import type { SimulatedSms } from '../../../server/http/apiTypes';

/** A text sent from this page, shown at once; `sid` is a local placeholder until the server answers. */
export interface LocalSms extends SimulatedSms {
  phone: string;
  /** False until the server answered with the text's real sid. */
  confirmed: boolean;
}

/**
 * The conversation to show: the server's texts, then ours it does not list yet. A confirmed text is matched by
 * sid; one still waiting for its sid by its words, since a re-read can list it before the send has answered.
 */
export function mergeSimulated(
  fromServer: readonly SimulatedSms[],
  local: readonly LocalSms[],
  phone: string,
): SimulatedSms[] {
  const mine = local.filter((sms) => sms.phone === phone);
  const known = new Set(fromServer.map((sms) => sms.sid));
  const confirmedSids = new Set(mine.filter((sms) => sms.confirmed).map((sms) => sms.sid));
  const unclaimed = fromServer
    .filter((sms) => sms.direction === 'from_phone' && !confirmedSids.has(sms.sid))
    .map((sms) => sms.text);
  const missing = mine.filter((sms) => {
    if (sms.confirmed) return !known.has(sms.sid);
    const match = unclaimed.indexOf(sms.text);
    if (match < 0) return true;
    unclaimed.splice(match, 1);
    return false;
  });
  return [...fromServer, ...missing].map(({ sid, direction, text, status, at }) => ({
    sid,
    direction,
    text,
    status,
    at,
  }));
}
