import fc from 'fast-check';
import { percentEncode } from './formEncoding';
import type { FuzzRequest } from './fuzzRequest';
import { nastyString, oneTimeIn } from './nastyValues';

// What anyone can reach without signing in, besides sign-in and the webhooks: probes, the API document, metrics,
// the realtime endpoint, the console's files and paths that lead nowhere.

const PATHS = [
  '/healthz',
  '/readyz',
  '/api/openapi.json',
  '/metrics',
  '/socket.io/',
  '/',
  '/index.html',
  '/assets/',
  '/tickets/123',
  '/api/',
  '/api/nothing-here',
  '/webhooks/',
  '/webhooks/twilio/unknown',
  '/webhooks/twilio/voice/unknown',
];

const ODD_SUFFIXES = [
  ...Array.from({ length: 8 }, () => ''),
  '%00',
  '%zz',
  '%',
  '%E0%A4%A',
  '/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/package.json',
  '/..%5c..%5cpackage.json',
  '/%ff%fe',
  '//',
  '/.env',
  ';x',
];

const query = fc.oneof(
  fc.constantFrom(
    '',
    '?EIO=4&transport=polling',
    '?EIO=4&transport=polling&sid=%00',
    '?EIO=3&transport=websocket',
    '?EIO=99&transport=%zz',
    '?q=%00',
    '?%',
    '?a[b][c][d][e][f]=1',
    '?__proto__[admin]=1',
  ),
  fc.tuple(nastyString, nastyString).map(([k, v]) => `?${percentEncode(k)}=${percentEncode(v)}`),
);

const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');

const oddHeaders = fc.subarray<[string, string]>([
  ['Cookie', 'sb_session=%00'],
  ['Cookie', 'sb_session="unterminated'],
  ['Cookie', `sb_session=${'a'.repeat(4000)}`],
  ['Authorization', 'Bearer %00'],
  ['Authorization', 'Basic !!!'],
  ['X-Request-Id', '{"injected":true}'],
  ['X-Forwarded-For', 'not-an-address, ::ffff:999.1.1.1'],
  ['Range', 'bytes=-1--2'],
  ['Accept', 'application/json; q=nonsense'],
  ['Accept-Encoding', 'br;q=x, *'],
  ['If-None-Match', '"%00"'],
  ['If-Modified-Since', 'not a date'],
  ['Content-Type', 'application/json; charset=latin1'],
  ['Content-Encoding', 'gzip'],
]);

/** A request to a public path that is not sign-in or a webhook: any method, odd suffixes, queries and headers. */
export function publicRequest(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method,
      path: fc.constantFrom(...PATHS),
      suffix: fc.constantFrom(...ODD_SUFFIXES),
      query,
      headers: oddHeaders,
      body: oneTimeIn(2, fc.constantFrom('{"a":', '{}', '0{"type":"open"}', '\u0000\u0001', 'x'.repeat(2_000_000))),
    })
    .map(({ method, path, suffix, query, headers, body }) => ({
      family: `public ${path}`,
      as: 'anonymous' as const,
      method,
      target: path + (suffix && path.endsWith('/') && suffix.startsWith('/') ? suffix.slice(1) : suffix) + query,
      headers,
      body: body === null || method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(body, 'utf8'),
    }));
}
