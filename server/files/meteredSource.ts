import { createHash } from 'node:crypto';
import { finished, Transform, type Readable } from 'node:stream';
import { FileTooLargeError, type StoredFile } from './fileStore';

export interface MeteredSource {
  /** The source's bytes as they pass: in pieces of exactly `chunkBytes` (the last may be shorter) when given. */
  stream: Transform;
  /** The sha256 and size of everything that passed: read it once the stream has ended. */
  result(): StoredFile;
  /**
   * Lets go of the source: unpiped after a failure, so an HTTP request can still be answered. A source that failed
   * or was cut off stays watched, so an error it emits later is handled rather than thrown.
   */
  release(outcome: 'stored' | 'failed'): void;
}

/**
 * Hashes, counts and (optionally) re-cuts the bytes of `source` on their way into a store. Past `maxBytes` the stream
 * fails with FileTooLargeError at once; a source that fails fails the stream. The source is piped, never put in a
 * pipeline: a pipeline destroys its source on failure, and destroying an HTTP request half-read destroys its socket,
 * so the caller could never answer why the file was refused.
 */
export function meterSource(
  source: Readable,
  { maxBytes = Number.POSITIVE_INFINITY, chunkBytes }: { maxBytes?: number; chunkBytes?: number } = {},
): MeteredSource {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let digest: string | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const stream = new Transform({
    // Pieces cut to size stay pieces: a byte-mode reader would get whatever is buffered, joined.
    readableObjectMode: chunkBytes !== undefined,
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      if (!chunkBytes) return done(null, chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= chunkBytes) {
        let all = Buffer.concat(pending, pendingBytes);
        while (all.length >= chunkBytes) {
          this.push(all.subarray(0, chunkBytes));
          all = all.subarray(chunkBytes);
        }
        pending = all.length ? [Buffer.from(all)] : [];
        pendingBytes = all.length;
      }
      done();
    },
    flush(done) {
      if (pendingBytes) this.push(Buffer.concat(pending, pendingBytes));
      done();
    },
  });
  // Its errors reach the consumer through reading it; one from before anybody reads must not go unhandled.
  stream.on('error', () => undefined);
  // Watched from the start: a source that fails before the first read still fails the stream.
  const stopWatching = finished(source, (error) => {
    if (error) stream.destroy(error);
  });
  source.pipe(stream);
  return {
    stream,
    result: () => ({ key: (digest ??= hash.digest('hex')), sizeBytes }),
    release(outcome) {
      if (outcome === 'stored') return stopWatching();
      source.unpipe(stream);
      if (!stream.destroyed) stream.destroy();
    },
  };
}
