import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { InboundAttachment } from '../../channels/inboundContact';

/**
 * Keeps attachment bytes under `<dataDir>/attachments/<sha256>`: named by content, so storing the same file
 * twice (a re-fetched mail) is harmless, and written to a temporary name first so a crash leaves no half file.
 * Returns what intake records: the location relative to the data folder.
 */
export async function storeAttachment(
  dataDir: string,
  file: { filename: string; contentType: string; content: Buffer },
): Promise<InboundAttachment> {
  const sha = createHash('sha256').update(file.content).digest('hex');
  const relative = path.join('attachments', sha);
  const target = path.join(dataDir, relative);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, file.content);
    await fs.rename(temporary, target);
  }
  return { filename: file.filename, contentType: file.contentType, sizeBytes: file.content.length, location: relative };
}
