import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let attacker: http.Server;
let attackerUrl: string;
/** What the attacker's server hands out; each test writes its page here. */
let attackerHtml = '';
let queueId: string;

/**
 * A page on another port of the same host: to the browser another origin, but the same "site", so the console's
 * SameSite=Lax session cookie still goes along with what it sends. It forges a text/plain form post (no CORS
 * preflight) and a no-cors fetch, the two requests a hostile page can make without the console's consent.
 */
function attackerPage(target: string, formPath: string, fetchPath: string) {
  return `<!doctype html><html><body>
  <form id="forged" method="POST" enctype="text/plain" action="${target}${formPath}">
    <input type="hidden" name='{"note":"' value='"}'>
  </form>
  <script>
    window.forgeFetch = () =>
      fetch(${JSON.stringify(target + fetchPath)}, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      }).then(() => 'sent', (e) => String(e));
  </script></body></html>`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql);
  browser = await launchChromium();
  attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackerHtml));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await server?.stop();
  await db?.drop();
});

/** A callback booked for tomorrow: nothing will dial it during the test, so only a cancel can change it. */
async function aPendingCallback(client: TestClient) {
  const phone = aPhone();
  const customerId = await aCustomer(db.sql, { phone });
  const res = await client.post('/api/callbacks', {
    customerId,
    phoneNumber: phone,
    queueId,
    dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  });
  expect(res.status, res.text).toBe(201);
  return res.body.callback.id as string;
}
const callbackStatus = async (id: string) =>
  (await db.sql<{ status: string }[]>`select status from callbacks where id = ${id}`)[0].status;

describe('a page on another port of this host', () => {
  it('when it makes a signed-in browser post a form and a fetch to cancel callbacks, then both are refused with 403 and nothing is canceled', async () => {
    const admin = await aUser(db.sql, 'admin');
    const api = await new TestClient(server.url).signIn(admin.email, admin.password);
    const byForm = await aPendingCallback(api);
    const byFetch = await aPendingCallback(api);

    // Signed in on the console's real origin: the browser now holds the session cookie.
    const context = await browser.newContext();
    const consolePage = await context.newPage();
    await signInAs(consolePage, server.url, admin);
    // The test server listens on 127.0.0.1; the attacker's page is on the same host, another port.
    expect(new URL(server.url).hostname).toBe(new URL(attackerUrl).hostname);

    attackerHtml = attackerPage(server.url, `/api/callbacks/${byForm}/cancel`, `/api/callbacks/${byFetch}/cancel`);
    const evil = await context.newPage();
    await evil.goto(attackerUrl);

    // The browser withholds the answer from the page (Cross-Origin-Resource-Policy), so read it off the wire.
    const wire = await context.newCDPSession(evil);
    await wire.send('Network.enable');
    const fetchUrl = `${server.url}/api/callbacks/${byFetch}/cancel`;
    const sent = new Map<string, { cookie?: string; status?: number }>();
    const entry = (id: string) => sent.get(id) ?? sent.set(id, {}).get(id)!;
    wire.on('Network.requestWillBeSentExtraInfo', (e) => {
      entry(e.requestId).cookie = e.headers.Cookie ?? e.headers.cookie;
    });
    wire.on('Network.responseReceivedExtraInfo', (e) => {
      entry(e.requestId).status = e.statusCode;
    });
    const urls = new Map<string, string>();
    wire.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    await evil.evaluate(() => (window as unknown as { forgeFetch: () => Promise<string> }).forgeFetch());
    const fetched = await waitFor(
      async () => [...sent].find(([id, s]) => urls.get(id) === fetchUrl && s.status !== undefined)?.[1],
      (s) => s !== undefined,
    );
    expect(fetched!.status).toBe(403);
    // The cookie went along: the refusal is the origin check's, not a missing session's.
    expect(fetched!.cookie).toContain('sb_session=');

    const formAnswer = evil.waitForResponse((r) => r.url().endsWith(`/api/callbacks/${byForm}/cancel`));
    await evil.evaluate(() => (document.getElementById('forged') as HTMLFormElement).submit());
    const posted = await formAnswer;
    expect(posted.status()).toBe(403);
    expect(await posted.request().headerValue('cookie')).toContain('sb_session=');
    expect(JSON.parse(await posted.text()).error.code).toBe('cross_origin');

    expect(await callbackStatus(byForm)).toBe('pending');
    expect(await callbackStatus(byFetch)).toBe('pending');

    // The console itself, on its own origin and with the same cookie, may cancel: only the origin was wrong.
    const own = await consolePage.evaluate(
      (path) => fetch(path, { method: 'POST' }).then((r) => r.status),
      `/api/callbacks/${byForm}/cancel`,
    );
    expect(own).toBe(204);
    expect(await callbackStatus(byForm)).toBe('canceled');
    await context.close();
  });
});
