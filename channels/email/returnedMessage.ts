// What a bounce quotes of the message that bounced: the returned copy (message/rfc822, or only its headers as
// text/rfc822-headers) and any `Message-ID:` pasted into its text. Through those ids a bounce finds our reply.

import type { Attachment } from 'mailparser';

export const ORIGINAL_PARTS = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/global',
  'message/global-headers',
]);

/** The Message-ID of the returned copy attached to a bounce, if there is one. */
export function returnedMessageId(attachments: Pick<Attachment, 'contentType' | 'content'>[]): string | null {
  const original = attachments.find((a) => ORIGINAL_PARTS.has(a.contentType.toLowerCase()));
  return original ? messageIdOf(original.content.toString('utf8')) : null;
}

/** Every `Message-ID: <…>` a text quotes (a returned copy's headers pasted into the bounce), in order. */
export function quotedMessageIds(text: string): string[] {
  return [...new Set([...text.matchAll(/^[ \t>]*Message-ID:\s*(<[^<>\s]+>)/gim)].map((m) => m[1]))];
}

/** Header-style blocks separated by blank lines, folded lines joined, names lowercased. */
export function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

function messageIdOf(message: string): string | null {
  const [headers] = fieldBlocks(message.split(/\r?\n\r?\n/)[0]);
  const value = headers?.get('message-id');
  return value ? (value.match(/<[^<>\s]+>/)?.[0] ?? value) : null;
}
