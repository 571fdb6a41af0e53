import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FuzzRequest } from './fuzzRequest';

/** Routes that read a body, with a body each accepts; the cookie is a signed-in agent's. */
export interface HttpLevelTargets {
  cookie: string;
  ticketId: string;
  customerId: string;
}

const endpoints = (t: HttpLevelTargets) => [
  { method: 'POST', path: '/api/auth/sign-in', body: '{"email":"someone@example.com","password":"wrong-password"}' },
  { method: 'POST', path: `/api/tickets/${t.ticketId}/notes`, body: '{"text":"a note"}' },
  { method: 'POST', path: `/api/tickets/${t.ticketId}/replies`, body: '{"text":"a reply"}' },
  { method: 'PATCH', path: `/api/customers/${t.customerId}`, body: '{"name":"Ann"}' },
  { method: 'PUT', path: '/api/me/presence', body: '{"presence":"away"}' },
  { method: 'POST', path: '/webhooks/twilio/sms', body: 'MessageSid=SM1&From=%2B14155550100&To=%2B15005550006' },
];

type Mangle = (req: FuzzRequest) => FuzzRequest;
const withHeader =
  (name: string, value: string): Mangle =>
  (req) => ({ ...req, headers: [...req.headers, [name, value]] });
const withType = (type: string): Mangle => withHeader('Content-Type', type);
const json = withType('application/json');
const bodyOf = (text: string | Buffer) => (req: FuzzRequest) => ({ ...req, body: Buffer.from(text) });
const all =
  (...steps: Mangle[]): Mangle =>
  (req) =>
    steps.reduce((r, step) => step(r), req);

/** Each a way a request is broken below the JSON: framing, encodings, charsets, headers, the request line. */
const MANGLES: [string, Mangle][] = [
  ['cut short', all(json, (r) => ({ ...r, truncateAt: Math.floor((r.body?.length ?? 2) / 2) }))],
  ['cut before the body', all(json, (r) => ({ ...r, truncateAt: 0 }))],
  [
    'Content-Length larger than sent',
    all(
      json,
      (r) => withHeader('Content-Length', String((r.body?.length ?? 0) + 50))(r),
      (r) => ({
        ...r,
        truncateAt: r.body?.length ?? 0,
      }),
    ),
  ],
  ['Content-Length smaller than sent', all(json, (r) => withHeader('Content-Length', '3')(r))],
  ['Content-Length not a number', all(json, withHeader('Content-Length', 'abc'))],
  [
    'Content-Length huge',
    all(json, withHeader('Content-Length', '99999999999999999999'), (r) => ({ ...r, truncateAt: 0 })),
  ],
  ['Content-Length twice', all(json, withHeader('Content-Length', '1'), withHeader('Content-Length', '2'))],
  [
    'chunked with a bad chunk size',
    all(json, withHeader('Transfer-Encoding', 'chunked'), bodyOf('zz\r\n{}\r\n0\r\n\r\n')),
  ],
  [
    'chunked and Content-Length',
    all(
      json,
      withHeader('Transfer-Encoding', 'chunked'),
      withHeader('Content-Length', '5'),
      bodyOf('2\r\n{}\r\n0\r\n\r\n'),
    ),
  ],
  ['charset latin1', withType('application/json; charset=latin1')],
  ['charset iso-8859-1', withType('application/json; charset=ISO-8859-1')],
  ['charset utf-16', withType('application/json; charset=utf-16')],
  ['charset unknown', withType('application/json; charset=klingon')],
  ['latin-1 bytes as UTF-8', all(json, bodyOf(Buffer.from('{"text":"caf\xe9","name":"\xff\xfe"}', 'latin1')))],
  [
    'UTF-16 bytes',
    all(withType('application/json; charset=utf-16le'), (r) => bodyOf(Buffer.from(r.body!.toString(), 'utf16le'))(r)),
  ],
  ['gzip garbage', all(json, withHeader('Content-Encoding', 'gzip'))],
  ['gzip of valid JSON', all(json, withHeader('Content-Encoding', 'gzip'), (r) => bodyOf(gzipSync(r.body!))(r))],
  ['deflate garbage', all(json, withHeader('Content-Encoding', 'deflate'))],
  ['brotli garbage', all(json, withHeader('Content-Encoding', 'br'))],
  ['unknown encoding', all(json, withHeader('Content-Encoding', 'x-compress-9000'))],
  ['two Content-Types', all(json, withHeader('Content-Type', 'text/plain'))],
  ['Content-Type with broken parameters', withType('application/json; charset="; boundary')],
  ['Content-Type only a parameter', withType('; charset=utf-8')],
  ['JSON as text/plain', withType('text/plain')],
  ['JSON as a form', withType('application/x-www-form-urlencoded')],
  ['JSON as multipart', withType('multipart/form-data; boundary=----x')],
  ['no Content-Type', (r) => r],
  ['Expect: 100-continue', all(json, withHeader('Expect', '100-continue'))],
  ['Expect: something else', all(json, withHeader('Expect', 'the-unexpected'))],
  ['a 20 kB header', all(json, withHeader('X-Padding', 'p'.repeat(20_000)))],
  ['a header with a NUL', all(json, withHeader('X-Odd', 'a\u0000b'))],
  ['an obsolete folded header', all(json, withHeader('X-Folded', 'a\r\n b'))],
  ['a request line with a space in the path', all(json, (r) => ({ ...r, target: `${r.target}/a b` }))],
  ['a path with bad percent-encoding', all(json, (r) => ({ ...r, target: `${r.target}%E0%A4%A` }))],
  ['a query with bad percent-encoding', all(json, (r) => ({ ...r, target: `${r.target}?x=%zz&q=%00` }))],
  ['an absolute-form target', all(json, (r) => ({ ...r, target: `http://127.0.0.1:1${r.target}` }))],
  ['a target of *', all(json, (r) => ({ ...r, target: '*' }))],
  ['raw UTF-8 in the path', all(json, (r) => ({ ...r, target: `${r.target}é` }))],
];

/** A request to a route that reads a body, broken at the HTTP level in one of the ways above. */
export function httpLevelRequest(t: HttpLevelTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...endpoints(t)), fc.constantFrom(...MANGLES), fc.boolean())
    .map(([endpoint, [name, mangle], signedIn]) =>
      mangle({
        family: `http-level ${name}`,
        as: signedIn ? 'agent' : 'anonymous',
        method: endpoint.method,
        target: endpoint.path,
        headers: signedIn ? [['Cookie', t.cookie]] : [],
        body: Buffer.from(endpoint.body),
      }),
    );
}
