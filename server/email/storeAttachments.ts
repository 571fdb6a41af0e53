import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { finished, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { InboundAttachment } from '../../channels/inboundContact';

/** A file went past the size it was allowed while it was being written; nothing of it was kept. */
export class AttachmentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
  }
}

export interface StoredFile {
  /** Relative to the data folder: what `message_attachments.location` and `uploads.location` hold. */
  location: string;
  sizeBytes: number;
}

/**
 * The one way bytes enter the attachment store: `<dataDir>/attachments/<sha256>`. Named by content, so storing the
 * same file twice (a re-fetched mail, the same upload again) is harmless. The bytes stream to a temporary file while
 * they are hashed and counted, never held whole in memory; past `maxBytes` the write stops at once and the partial
 * file is removed. Only a complete file is renamed into place, so a crash leaves no half file under a real name.
 */
export async function writeAttachmentStream(
  dataDir: string,
  source: Readable,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<StoredFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return done(new AttachmentTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Its errors reach the caller through the pipeline below, even one from before the pipeline is built.
  meter.on('error', () => undefined);
  // Watched from the start: a source that fails while the folder is made still fails the write.
  const stopWatching = finished(source, (error) => {
    if (error) meter.destroy(error);
  });
  const directory = path.join(dataDir, 'attachments');
  const temporary = path.join(directory, `${randomBytes(8).toString('hex')}.tmp`);
  try {
    await fs.mkdir(directory, { recursive: true });
    // Piped, not put in the pipeline: a pipeline destroys its source on failure, and destroying an HTTP request
    // half-read destroys its socket, so the caller could never answer why the file was refused.
    source.pipe(meter);
    await pipeline(meter, createWriteStream(temporary, { flags: 'wx' }));
  } catch (error) {
    source.unpipe(meter);
    await fs.rm(temporary, { force: true });
    // The watch stays on a source that failed or was cut off: an error it emits later is handled, not thrown.
    throw error;
  }
  stopWatching();
  const location = path.join('attachments', hash.digest('hex'));
  // Replacing a file of the same name replaces it with the same bytes.
  await fs.rename(temporary, path.join(dataDir, location));
  return { location, sizeBytes };
}

/** Stores bytes already in memory (an inbound mail's parts, parsed whole): the same store, the same names. */
export async function storeAttachment(
  dataDir: string,
  file: { filename: string; contentType: string; content: Buffer },
): Promise<InboundAttachment> {
  const stored = await writeAttachmentStream(dataDir, Readable.from([file.content]));
  return { filename: file.filename, contentType: file.contentType, ...stored };
}
