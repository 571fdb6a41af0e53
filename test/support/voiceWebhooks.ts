import { randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

/** A new CallSid, as Twilio makes them. */
export const aCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** The parameters Twilio posts when a call comes in, including many the app does not read. */
export function incomingCallParams(
  from: string,
  to: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AccountSid: `AC${'0'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    CallSid: aCallSid(),
    CallStatus: 'ringing',
    CallToken: 'token',
    Called: to,
    CalledCity: '',
    CalledCountry: 'US',
    CalledState: '',
    CalledZip: '',
    Caller: from,
    CallerCity: 'SAN FRANCISCO',
    CallerCountry: 'US',
    CallerState: 'CA',
    CallerZip: '94105',
    Direction: 'inbound',
    From: from,
    FromCity: 'SAN FRANCISCO',
    FromCountry: 'US',
    FromState: 'CA',
    FromZip: '94105',
    To: to,
    ToCity: '',
    ToCountry: 'US',
    ToState: '',
    ToZip: '',
    ...extra,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== 'Response',
  textNodeName: 'text',
});

/** A TwiML document as nested objects: `Response.Gather[0].Say[0].text`, attributes as plain keys. */
export function parseTwiml(xml: string): Record<string, any> {
  const doc = parser.parse(xml);
  if (doc.Response === undefined) throw new Error(`not TwiML: ${xml}`);
  return doc.Response === '' ? {} : doc.Response;
}

/** A URL's path and query, to follow an action the way Twilio would. */
export function pathOf(url: string) {
  const u = new URL(url);
  return u.pathname + u.search;
}
