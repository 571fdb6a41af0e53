// What a row's `location` holds for a file of ours (message_attachments, uploads): `files:<sha256>` for a file in
// the store. `attachments/<sha256>` is one an older version kept under DATA_DIR on whichever machine wrote it; it is
// read from there (or from the store, when the same bytes are there already) until the start-up move rewrites it.
// Anything else (a provider's media URL) is not ours.

import { FILE_KEY, type FileKey } from './fileStore';

export type FileLocation = { kind: 'store'; key: FileKey } | { kind: 'disk'; key: FileKey; relativePath: string };

const STORE_PREFIX = 'files:';
const ON_DISK = /^attachments\/([0-9a-f]{64})$/;

/** The location a row keeps for a file in the store. */
export const storeLocation = (key: FileKey) => `${STORE_PREFIX}${key}`;

/** The file a location names, or null when it names none of ours. */
export function parseFileLocation(location: string): FileLocation | null {
  if (location.startsWith(STORE_PREFIX)) {
    const key = location.slice(STORE_PREFIX.length);
    return FILE_KEY.test(key) ? { kind: 'store', key } : null;
  }
  const disk = ON_DISK.exec(location);
  return disk ? { kind: 'disk', key: disk[1], relativePath: location } : null;
}
