// FILE_STORE=s3: files as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), through the official AWS
// SDK. The key of an object is not known until its last byte has been hashed, so the bytes stream (multipart, a few
// parts in memory at most) to a temporary object `incoming/<random>`; once complete it is copied to
// `files/<sha256>` unless that object exists already (the same bytes stored before), and the temporary one is
// deleted. An object under `files/` is therefore always complete and always holds the bytes its name says.

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { FileStoreUnavailableError, type FileKey, type FileStore } from './fileStore';
import { meterSource } from './meteredSource';

export interface S3Settings {
  bucket: string;
  /** Another S3-compatible service's address; unset: AWS S3 of `region`. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's own chain (environment, shared files, an instance or task role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`: what most self-hosted services need. */
  forcePathStyle: boolean;
}

const objectKey = (key: FileKey) => `files/${key}`;
// A multipart upload keeps at most QUEUE_SIZE parts of PART_BYTES in memory (S3's smallest part is 5 MiB).
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

export function createS3FileStore(settings: S3Settings): FileStore {
  const { bucket } = settings;
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    // Checksums only where S3 requires them: many S3-compatible services refuse the SDK's default trailing checksums
    // on streamed bodies. The content is checked by its sha256 name anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  async function stat(key: FileKey) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return { sizeBytes: head.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw unavailable('read', err);
    }
  }

  const removeQuietly = (key: string) =>
    client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).then(
      () => undefined,
      () => undefined,
    );

  return {
    kind: 's3',
    joinsTransactions: false,

    async put(source, { maxBytes } = {}) {
      const metered = meterSource(source, { maxBytes });
      let streamFailure: unknown = null;
      metered.stream.once('error', (err) => (streamFailure = err));
      const temporary = `incoming/${randomUUID()}`;
      try {
        // A failed multipart upload is aborted (leavePartsOnError: false), so its parts are not kept either.
        await new Upload({
          client,
          params: { Bucket: bucket, Key: temporary, Body: metered.stream },
          partSize: PART_BYTES,
          queueSize: QUEUE_SIZE,
          leavePartsOnError: false,
        }).done();
      } catch (err) {
        metered.release('failed');
        await removeQuietly(temporary);
        // The source failing or passing the limit is the file's story; anything else is the store's.
        throw streamFailure ?? unavailable('write', err);
      }
      metered.release('stored');
      const stored = metered.result();
      try {
        if (!(await stat(stored.key)))
          await client.send(
            new CopyObjectCommand({
              Bucket: bucket,
              CopySource: `${bucket}/${temporary}`,
              Key: objectKey(stored.key),
            }),
          );
      } catch (err) {
        throw err instanceof FileStoreUnavailableError ? err : unavailable('write', err);
      } finally {
        await removeQuietly(temporary);
      }
      return stored;
    },

    stat,

    async exists(key) {
      return (await stat(key)) !== null;
    },

    async open(key, range) {
      try {
        const object = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: objectKey(key),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        // With a range, S3 says the whole size after the slash of Content-Range.
        const whole = object.ContentRange?.match(/\/(\d+)$/)?.[1];
        return {
          stream: object.Body as Readable,
          sizeBytes: whole !== undefined ? Number(whole) : (object.ContentLength ?? 0),
        };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw unavailable('read', err);
      }
    },

    async close() {
      client.destroy();
    },
  };
}

function isNotFound(err: unknown) {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404)
  );
}

/** The SDK's error, said in a line without the request it hangs on (whose headers carry the signature). */
function unavailable(what: 'read' | 'write', err: unknown) {
  const e = err as Error & { $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  return new FileStoreUnavailableError(
    `Could not ${what} the S3 file store: ${e.name ?? 'Error'}: ${e.message ?? String(err)}${status}`,
  );
}
