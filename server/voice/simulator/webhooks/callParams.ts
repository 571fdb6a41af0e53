import type { SimCall } from '../calls/simCall';

/** The standard parameters Twilio sends with every voice request about `call`. */
export function callParams(accountSid: string, call: SimCall): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.sid,
    CallStatus: call.status,
    Direction: call.direction,
    From: call.from,
    To: call.to,
    Caller: call.from,
    Called: call.to,
    ...geography('From', call.from),
    ...geography('Caller', call.from),
    ...geography('To', call.to),
    ...geography('Called', call.to),
  };
  if (call.parentCallSid) params.ParentCallSid = call.parentCallSid;
  return params;
}

// Twilio adds what it knows of a phone number's place (often little); a client identity has none.
function geography(prefix: string, address: string): Record<string, string> {
  if (!address.startsWith('+')) return {};
  return {
    [`${prefix}City`]: '',
    [`${prefix}State`]: '',
    [`${prefix}Zip`]: '',
    [`${prefix}Country`]: countryOf(address),
  };
}

function countryOf(number: string) {
  if (number.startsWith('+1')) return 'US';
  if (number.startsWith('+44')) return 'GB';
  if (number.startsWith('+33')) return 'FR';
  if (number.startsWith('+49')) return 'DE';
  return '';
}

/** RFC 2822 in UTC, as Twilio writes dates in callbacks and REST resources. */
export function twilioDate(date: Date | number): string {
  return new Date(date).toUTCString().replace('GMT', '+0000');
}
