import type { Response } from 'express';

/**
 * A webhook's TwiML answer, written as it is: express's `send` would also hash it for an ETag and check the request's
 * freshness headers, which Twilio never sends, on every call and text.
 */
export function sendTwiml(res: Response, xml: string) {
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(xml) }).end(xml);
}
