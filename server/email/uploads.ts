// A file an agent uploads to attach to a reply: its bytes stream into the file store as they arrive, and a row
// remembers who uploaded it and what it is called, so a later reply can name it by id.

import type { Readable } from 'node:stream';
import type { Sql } from '../db/client';
import { storeLocation } from '../files/fileLocation';
import type { FileStore } from '../files/fileStore';

export interface UploadView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

/**
 * Streams `body` into the store (FileTooLargeError past `maxBytes`, nothing kept) and records the upload. The file is
 * stored before its row: a crash between the two leaves a file nobody names, never a row naming no file.
 */
export async function saveUpload(
  sql: Sql,
  files: FileStore,
  upload: { uploaderId: string; filename: string; contentType: string; body: Readable; maxBytes: number },
): Promise<UploadView> {
  const stored = await files.put(upload.body, { maxBytes: upload.maxBytes });
  const [row] = await sql<{ id: string; createdAt: Date }[]>`
    insert into uploads (uploader_id, filename, content_type, size_bytes, location)
    values (${upload.uploaderId}, ${upload.filename}, ${upload.contentType}, ${stored.sizeBytes}, ${storeLocation(stored.key)})
    returning id, created_at`;
  return {
    id: row.id,
    filename: upload.filename,
    contentType: upload.contentType,
    sizeBytes: stored.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}
