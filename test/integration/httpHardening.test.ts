import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { routeTable } from '../../server/http/routeTable';
import { anEmail } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

const UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
const FIFTY_MB = 50 * 1024 * 1024;

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: SmtpSink;
let dataDir: string;
let agent: TestClient;
let agentId: string;
let otherAgent: TestClient;
let admin: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-hardening-'));
  // TRUST_PROXY: X-Forwarded-Proto says whether the request came over HTTPS (for HSTS).
  server = await startTestServer(
    testEnv(db.url, { DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), TRUST_PROXY: 'true' }),
  );
  await aQueue(db.sql, { entryForChannels: ['email'] });
  const [a, b, c] = [await aUser(db.sql, 'agent'), await aUser(db.sql, 'agent'), await aUser(db.sql, 'admin')];
  agent = await new TestClient(server.url).signIn(a.email, a.password);
  agentId = a.id;
  otherAgent = await new TestClient(server.url).signIn(b.email, b.password);
  admin = await new TestClient(server.url).signIn(c.email, c.password);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the request body the client had written when the answer came. */
  written: number;
}

/**
 * Sends a request whose body is still being written when the server answers, and resolves with that answer. The body
 * is `start` followed by `chunk` repeated, paced by the socket, up to `maxChunks` chunks; the request is never ended,
 * so an answer can only come from a server that did not wait for the whole body. No answer within 15 s fails.
 */
function answerWhileWriting(
  method: string,
  pathname: string,
  headers: Record<string, string | number>,
  options: { start?: Buffer; chunk?: Buffer; maxChunks?: number } = {},
): Promise<Answer> {
  const url = new URL(pathname, server.url);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${method} ${pathname} while its body was being written (${written} bytes sent)`));
    }, 15_000);
    const req = http.request(url, { method, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString(), written });
      };
      res.on('end', done);
      res.on('error', done);
    });
    // The head goes out now, even before any of the body.
    req.flushHeaders();
    // Once the server has answered and closed, the rest of the body has nowhere to go: that is the point.
    req.on('error', (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(error);
      }
    });
    const send = (data: Buffer) =>
      new Promise<void>((ok) => {
        written += data.length;
        if (req.write(data)) setImmediate(ok);
        else req.once('drain', ok);
      });
    void (async () => {
      if (options.start) await send(options.start);
      for (let i = 0; options.chunk && i < (options.maxChunks ?? 0) && !answered && !req.destroyed; i++) {
        await send(options.chunk);
      }
    })();
  });
}

/** Uploads bytes as the console does; answers the parsed response. */
async function upload(client: TestClient, bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  const res = await fetch(`${server.url}/api/uploads?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: client.cookie! },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Every file in the file store (PostgreSQL, the default), finished or not. */
const storedFiles = () => db.sql`select id, key from files`;

describe('security headers', () => {
  it.each([
    ['the console', '/'],
    ['a deep link of the console', '/tickets/123'],
    ['an API answer', '/api/me'],
    ['an unknown API path', '/api/nothing-here'],
    ['the health check', '/healthz'],
  ])(
    'when %s is fetched, then the answer carries the CSP, nosniff, Referrer-Policy and X-Frame-Options',
    async (_, p) => {
      const res = await fetch(server.url + p);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['connect-src']).toEqual(["'self'", `ws://${new URL(server.url).host}`]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('when a request came over plain HTTP, then no HSTS; over HTTPS (said by the trusted proxy), then HSTS', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const secure = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=15552000');
  });
});

describe('body limits apply after authentication', () => {
  // Every route that takes a body and needs a session (the upload included).
  const withBody = routeTable.filter((r) => r.access !== 'public' && (r.body || r.rawBody));
  const concrete = (p: string) => p.replace(/:\w+/g, randomUUID());
  const hugeJson = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'content-length': FIFTY_MB,
    ...extra,
  });

  it('when listed, then there are routes to check, the reply and the upload among them', () => {
    expect(withBody.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/tickets/:id/replies', '/api/uploads']));
  });

  it.each(withBody.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    'when %s announces 50 MB anonymously or with a made-up session, then 401 comes before the body is sent',
    async (_, r) => {
      for (const cookie of [undefined, `sb_session=${randomBytes(32).toString('base64url')}`]) {
        const answer = await answerWhileWriting(
          r.method.toUpperCase(),
          concrete(r.path),
          hugeJson(cookie ? { cookie } : {}),
          { start: Buffer.from('{"text":"') },
        );
        expect(answer.status).toBe(401);
        expect(JSON.parse(answer.body).error.code).toBe('unauthenticated');
        // The server will not read on: it closes the connection after its answer.
        expect(answer.headers.connection).toBe('close');
      }
    },
  );

  it('when an agent announces 50 MB to an admin route, then 403 comes before the body is sent', async () => {
    const answer = await answerWhileWriting('POST', '/api/admin/teams', hugeJson({ cookie: agent.cookie! }), {
      start: Buffer.from('{"name":"'),
    });
    expect(answer.status).toBe(403);
  });

  it('when sign-in (public) announces 50 MB, then it is refused with 413 at once: public bodies stay small', async () => {
    const answer = await answerWhileWriting('POST', '/api/auth/sign-in', hugeJson(), { start: Buffer.from('{') });
    expect(answer.status).toBe(413);
  });

  it('when a signed-in agent sends a reply over 1 MB of JSON, then 413: files go through uploads, not JSON', async () => {
    const res = await agent.post(`/api/tickets/${randomUUID()}/replies`, { text: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });
});

describe('uploads', () => {
  it('when a file streams past UPLOAD_MAX_BYTES, then 413 comes while it is still being sent, and nothing is kept', async () => {
    const before = await db.sql`select count(*)::int as n from uploads`;
    const chunk = randomBytes(64 * 1024);
    // Four times the limit at most, and never ended: the answer must come once the limit is passed.
    const answer = await answerWhileWriting(
      'POST',
      '/api/uploads?filename=huge.bin',
      { cookie: agent.cookie!, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      { chunk, maxChunks: (4 * UPLOAD_MAX_BYTES) / chunk.length },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('too_large');
    expect(answer.written).toBeGreaterThan(UPLOAD_MAX_BYTES);
    expect(await storedFiles()).toEqual([]);
    expect(await db.sql`select count(*)::int as n from uploads`).toEqual(before);
  });

  it('when a file announces more than UPLOAD_MAX_BYTES, then 413 before a byte of it is read', async () => {
    const answer = await answerWhileWriting('POST', '/api/uploads?filename=big.iso', {
      cookie: agent.cookie!,
      'content-type': 'application/octet-stream',
      'content-length': UPLOAD_MAX_BYTES + 1,
    });
    expect(answer.status).toBe(413);
    expect(answer.written).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it('when the file name is missing or is a path, then 400 naming filename, and nothing is kept', async () => {
    for (const query of ['', '?filename=', '?filename=..%2Fetc%2Fpasswd']) {
      const res = await fetch(`${server.url}/api/uploads${query}`, {
        method: 'POST',
        headers: { cookie: agent.cookie!, 'content-type': 'text/plain' },
        body: 'hello',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.fields.map((f: { path: string }) => f.path)).toEqual(['filename']);
    }
    expect(await storedFiles()).toEqual([]);
  });
});

describe('an email reply with an uploaded file', () => {
  const suffix = () => randomBytes(4).toString('hex');

  async function anEmailTicket() {
    const address = `support-${suffix()}@switchboard.test`;
    // Inactive, so IMAP sync leaves it alone (its IMAP settings are dummies); it sends through the sink.
    const created = await admin.post('/api/admin/mailboxes', {
      name: `Support ${suffix()}`,
      address,
      imapHost: 'imap.invalid',
      imapUser: 'nobody',
      imapPassword: 'nothing',
      smtpHost: sink.host,
      smtpPort: sink.port,
      active: false,
    });
    expect(created.status).toBe(201);
    const mailboxId: string = created.body.id;
    const customer = `customer-${suffix()}@customer.example`;
    const providerId = `<${suffix()}@customer.example>`;
    const { ticketId, messageId } = await intakeContact(
      server.ctx,
      anEmail(customer, 'The contract', 'Please send the signed contract.', {
        to: address,
        providerId,
        metadata: { messageId: providerId, references: [] },
      }),
    );
    await db.sql`update messages set mailbox_id = ${mailboxId} where id = ${messageId}`;
    return { ticketId, customer };
  }

  it('when an agent uploads a 3 MB file and replies with it, then the customer’s mail carries those exact bytes', async () => {
    const { ticketId, customer } = await anEmailTicket();
    // Three times the JSON limit: only a streamed upload can carry it.
    const file = randomBytes(3 * 1024 * 1024);
    const uploaded = await upload(admin, file, 'contract.pdf', 'application/pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.upload).toMatchObject({
      filename: 'contract.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.length,
    });

    const reply = await admin.post(`/api/tickets/${ticketId}/replies`, {
      text: 'The signed contract is attached.',
      attachments: [{ uploadId: uploaded.body.upload.id }],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.message.attachments).toEqual([
      expect.objectContaining({ filename: 'contract.pdf', contentType: 'application/pdf', sizeBytes: file.length }),
    ]);

    const mails = await sink.waitFor(sink.messages.length + 1, 20_000);
    const mail = mails.find((m) => m.envelope.rcptTo.some((r) => r.address === customer))!;
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0]).toMatchObject({ filename: 'contract.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(mail.parsed.attachments[0].content, file)).toBe(0);
  });

  it('when a reply names another agent’s upload or one that does not exist, then 400 naming it, and nothing is stored', async () => {
    const { ticketId } = await anEmailTicket();
    const theirs = await upload(otherAgent, randomBytes(100), 'theirs.txt', 'text/plain');
    expect(theirs.status).toBe(201);
    const mine = await upload(admin, randomBytes(100), 'mine.txt', 'text/plain');
    for (const [attachments, field] of [
      [[{ uploadId: mine.body.upload.id }, { uploadId: theirs.body.upload.id }], 'attachments.1.uploadId'],
      [[{ uploadId: randomUUID() }], 'attachments.0.uploadId'],
      [[{ uploadId: 'not-an-id' }], 'attachments.0.uploadId'],
    ] as const) {
      const res = await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'Attached', attachments });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toEqual([]);
  });
});

describe('state-changing requests from elsewhere', () => {
  const setPresence = (presence: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/me/presence`, {
      method: 'PUT',
      headers: { cookie: agent.cookie!, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ presence }),
    });
  const presenceNow = async () =>
    (await db.sql<{ presence: string }[]>`select presence from users where id = ${agentId}`)[0].presence;

  it.each([
    ['another origin', () => ({ origin: 'http://evil.example' })],
    ['another port of this host', () => ({ origin: server.url.replace(/:\d+$/, ':1') })],
    ['a sandboxed or opaque page', () => ({ origin: 'null' })],
    ['a same-site page (Sec-Fetch-Site)', () => ({ 'sec-fetch-site': 'same-site' })],
    ['a cross-site page (Sec-Fetch-Site)', () => ({ 'sec-fetch-site': 'cross-site' })],
  ])('when the request comes from %s, then 403 cross_origin and nothing changes', async (_, headers) => {
    const before = await presenceNow();
    const res = await setPresence(before === 'busy' ? 'away' : 'busy', headers());
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('cross_origin');
    expect(await presenceNow()).toBe(before);
  });

  it('when the request comes from the console’s own origin, or from no browser at all, then it goes through', async () => {
    const own = new URL(server.url).origin;
    expect((await setPresence('busy', { origin: own, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(await presenceNow()).toBe('busy');
    // A strict Referrer-Policy makes a browser send "Origin: null" even to its own origin; Sec-Fetch-Site vouches.
    expect((await setPresence('away', { 'sec-fetch-site': 'same-origin', origin: 'null' })).status).toBe(200);
    expect(await presenceNow()).toBe('away');
    expect((await setPresence('busy', {})).status).toBe(200);
    expect(await presenceNow()).toBe('busy');
    // Reading is never refused: a cross-site GET changes nothing.
    expect((await fetch(`${server.url}/healthz`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});
