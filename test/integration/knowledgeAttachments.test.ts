import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// An article's files: staff read them through /api/knowledge/attachments/:id as their role may read the article (the
// editor's preview of a draft); the public help center serves live articles' files only, to anyone alike.

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let writer: TestClient;
let agent: TestClient;

// A real PNG's first bytes, then noise: the route must not care what is inside.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2_000)]);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  const w = await aUser(db.sql, 'agent');
  writer = await new TestClient(server.url).signIn(w.email, w.password);
  const g = await aUser(db.sql, 'agent');
  agent = await new TestClient(server.url).signIn(g.email, g.password);
  expect((await admin.put(`/api/knowledge/editors/${w.id}`, { role: 'writer' })).status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function getBytes(client: TestClient | null, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    headers: { ...(client?.cookie ? { cookie: client.cookie } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** A draft article with one file attached, uploaded by the writer as the console does. */
async function aDraftWithFile(bytes: Buffer, filename: string, contentType: string) {
  const created = await writer.post('/api/knowledge/articles', {
    categoryId: null,
    variants: [{ locale: 'en', title: `Receipts ${randomBytes(3).toString('hex')}`, body: 'Where to find a receipt.' }],
  });
  expect(created.status, created.text).toBe(201);
  const articleId = created.body.article.id as string;
  const uploaded = await fetch(`${server.url}/api/uploads?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: writer.cookie! },
    body: new Uint8Array(bytes),
  });
  expect(uploaded.status).toBe(201);
  const { upload } = (await uploaded.json()) as { upload: { id: string } };
  const attached = await writer.post(`/api/knowledge/articles/${articleId}/attachments`, { uploadId: upload.id });
  expect(attached.status, attached.text).toBe(201);
  return { articleId, attachment: attached.body.attachment as { id: string; url: string } };
}

describe('an article’s files for staff', () => {
  it('when a writer previews a draft’s image, then the staff route serves its bytes inline, seekable, unsniffed and private; the help center does not', async () => {
    const { attachment } = await aDraftWithFile(PNG, 'receipt.png', 'image/png');
    const path = `/api/knowledge/attachments/${attachment.id}`;

    const whole = await getBytes(writer, path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(whole.headers.get('content-disposition')).toBeNull();
    expect(whole.headers.get('cache-control')).toMatch(/private/);
    expect(whole.body.equals(PNG)).toBe(true);

    const part = await getBytes(writer, path, { range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${PNG.length}`);
    expect(part.body.equals(PNG.subarray(0, 8))).toBe(true);

    // The public address of a draft's file answers no one, signed in or not.
    expect(attachment.url).toMatch(new RegExp(`^/help/files/${attachment.id}/`));
    expect((await getBytes(null, attachment.url)).status).toBe(404);
    expect((await getBytes(writer, attachment.url)).status).toBe(404);
  });

  it('when an agent asks, then a draft’s file is 404 as the draft is; once the article is internal they get it, and once it is published so does the help center', async () => {
    const { articleId, attachment } = await aDraftWithFile(PNG, 'steps.png', 'image/png');
    const path = `/api/knowledge/attachments/${attachment.id}`;
    expect((await getBytes(agent, path)).status).toBe(404);

    expect((await admin.post(`/api/knowledge/articles/${articleId}/state`, { state: 'internal' })).status).toBe(200);
    expect((await getBytes(agent, path)).status).toBe(200);
    expect((await getBytes(null, attachment.url)).status).toBe(404);

    expect((await admin.post(`/api/knowledge/articles/${articleId}/state`, { state: 'published' })).status).toBe(200);
    const live = await getBytes(null, attachment.url);
    expect(live.status).toBe(200);
    expect(live.body.equals(PNG)).toBe(true);
  });

  it('when a file is not a raster image, then it is a download', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% a manual\n');
    const { attachment } = await aDraftWithFile(pdf, 'manual.pdf', 'application/pdf');
    const res = await getBytes(writer, `/api/knowledge/attachments/${attachment.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?manual\.pdf"?$/);
  });

  it('when the caller is not signed in, the id is unknown or not an id, then 401, 404 and a 400 naming the id', async () => {
    const { attachment } = await aDraftWithFile(PNG, 'secret.png', 'image/png');
    expect((await getBytes(null, `/api/knowledge/attachments/${attachment.id}`)).status).toBe(401);
    const unknown = await writer.get('/api/knowledge/attachments/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Attachment/);
    const malformed = await writer.get('/api/knowledge/attachments/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });
});
