import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentTooLargeError, storeAttachment, writeAttachmentStream } from './storeAttachments';

const dirs: string[] = [];
const aDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const filesIn = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'attachments'));

describe('the attachment store', () => {
  it('when a file streams in chunks, then it is kept under its SHA-256 with its size, and no temporary file stays', async () => {
    const dataDir = aDataDir();
    const chunks = [randomBytes(70_000), randomBytes(5), randomBytes(100_000)];
    const stored = await writeAttachmentStream(dataDir, Readable.from(chunks), 1_000_000);
    const sha = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    expect(stored).toEqual({ location: `attachments/${sha}`, sizeBytes: 170_005 });
    expect(filesIn(dataDir)).toEqual([sha]);
    expect(fs.readFileSync(path.join(dataDir, stored.location)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('when the same bytes are stored twice (a re-fetched mail), then there is still one file', async () => {
    const dataDir = aDataDir();
    const content = randomBytes(1000);
    const first = await storeAttachment(dataDir, { filename: 'a.pdf', contentType: 'application/pdf', content });
    const second = await storeAttachment(dataDir, { filename: 'b.pdf', contentType: 'application/pdf', content });
    expect(second.location).toBe(first.location);
    expect(filesIn(dataDir)).toHaveLength(1);
  });

  it('when a stream passes the limit, then it is refused at once, nothing is kept, and the source is left open', async () => {
    const dataDir = aDataDir();
    // Like an HTTP request: destroying it would cut the connection before the refusal could be sent.
    const source = new PassThrough();
    const writing = writeAttachmentStream(dataDir, source, 1000);
    source.write(randomBytes(600));
    source.write(randomBytes(600));
    await expect(writing).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(source.destroyed).toBe(false);
    expect(filesIn(dataDir)).toEqual([]);
  });

  it('when the source fails part way (the client went away), then the partial file is removed', async () => {
    const dataDir = aDataDir();
    const source = new PassThrough();
    const writing = writeAttachmentStream(dataDir, source, 1_000_000);
    source.write(randomBytes(600));
    source.destroy(new Error('aborted'));
    await expect(writing).rejects.toThrow('aborted');
    expect(filesIn(dataDir)).toEqual([]);
  });
});
