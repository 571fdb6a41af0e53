import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseFileLocation } from './fileLocation';
import type { FileKey, FileRange, FileStore } from './fileStore';

/** A file found by what a row names it: its size, and its bytes (or a range of them) on demand. */
export interface LocatedFile {
  sizeBytes: number;
  open(range?: FileRange): Promise<Readable>;
}

/** The store's file of this name, or null when it has none. */
export async function storedFile(files: FileStore, key: FileKey): Promise<LocatedFile | null> {
  const found = await files.stat(key);
  if (!found) return null;
  return {
    sizeBytes: found.sizeBytes,
    async open(range) {
      const opened = await files.open(key, range);
      if (!opened) throw new Error(`The stored file ${key} is gone.`);
      return opened.stream;
    },
  };
}

/**
 * The file a row's location names: from the store, or, for a location an older version wrote (`attachments/<hash>`),
 * from this machine's DATA_DIR until it is moved (the store is asked first: the same bytes may be there already).
 * Null when neither has it, or the location is not one of our files (a provider's URL).
 */
export async function locateFile(files: FileStore, dataDir: string, location: string): Promise<LocatedFile | null> {
  const parsed = parseFileLocation(location);
  if (!parsed) return null;
  const inStore = await storedFile(files, parsed.key);
  if (inStore || parsed.kind === 'store') return inStore;
  const file = path.join(dataDir, parsed.relativePath);
  const stats = await fs.stat(file).catch(() => null);
  if (!stats?.isFile()) return null;
  return {
    sizeBytes: stats.size,
    open: async (range) => createReadStream(file, range ? { start: range.start, end: range.end } : {}),
  };
}
