import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseCrossOrigin } from './refuseCrossOrigin';

let base: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(refuseCrossOrigin(() => 'https://support.example.com'));
  app.all('/{*path}', (_req, res) => res.status(204).end());
  app.use(((err, _req, res, _next) => res.status(err.status).json({ code: err.code })) as express.ErrorRequestHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const send = (method: string, headers: Record<string, string>) =>
  fetch(`${base}/api/thing`, { method, headers }).then((r) => r.status);

describe('refusing cross-origin changes', () => {
  it.each([
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site (another port or subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['the right host on another port', { origin: 'http://127.0.0.1:1' }],
    ['Origin null without Sec-Fetch-Site', { origin: 'null' }],
    ['a foreign Origin the browser calls "none"', { origin: 'https://evil.example', 'sec-fetch-site': 'none' }],
  ])('when a POST carries %s, then 403', async (_, headers) => {
    expect(await send('POST', headers)).toBe(403);
  });

  it.each([
    ['no browser headers (curl, a script)', {}],
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }],
    [
      'Sec-Fetch-Site same-origin with Origin null (strict Referrer-Policy)',
      { 'sec-fetch-site': 'same-origin', origin: 'null' },
    ],
    ['Sec-Fetch-Site none (typed or bookmarked)', { 'sec-fetch-site': 'none' }],
    ['PUBLIC_URL as Origin (behind a proxy)', { origin: 'https://support.example.com' }],
  ])('when a POST carries %s, then it passes', async (_, headers) => {
    expect(await send('POST', headers)).toBe(204);
  });

  it('when the Origin is the address the request came to, then it passes', async () => {
    expect(await send('POST', { origin: base })).toBe(204);
  });

  it('when a request only reads (GET, HEAD, OPTIONS), then it passes from anywhere', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(await send(method, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(204);
    }
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('when a %s comes from another site, then 403', async (method) => {
    expect(await send(method, { 'sec-fetch-site': 'cross-site' })).toBe(403);
  });
});
