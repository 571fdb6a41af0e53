// The mail corpus (test/fixtures/email/corpus.json) read by the parser alone: what each real-world-shaped mail
// becomes before any server is involved. test/integration/emailCorpus.test.ts runs the same corpus through a real
// dovecot and the whole product.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../test/fixtures/email/corpusManifest';
import { parseInboundEmail } from './parseInboundEmail';

const folder = new URL('../../test/fixtures/email/', import.meta.url);
const corpus = JSON.parse(fs.readFileSync(new URL('corpus.json', folder), 'utf8')) as Corpus;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the mail corpus, parsed', () => {
  it('holds at least 40 mails, each file present', () => {
    expect(corpus.mails.length).toBeGreaterThanOrEqual(40);
    for (const mail of corpus.mails) expect(fs.existsSync(new URL(mail.file, folder)), mail.file).toBe(true);
  });

  for (const mail of corpus.mails) {
    it(`${mail.file}: ${mail.case}`, async () => {
      const parsed = await parseInboundEmail(fs.readFileSync(new URL(mail.file, folder)), {
        maxAttachmentBytes: 10 * 1024 * 1024,
      });
      expect(parsed.contact.providerId).toBe(mail.messageId);
      if (mail.outcome !== 'ticket') {
        expect(parsed.bounce).toMatchObject(
          mail.bounce
            ? {
                kind: mail.bounce.kind,
                quotedMessageIds: expect.arrayContaining([expect.stringMatching(/^<sb-reply-/)]),
              }
            : {
                kind: mail.undeliverable!.kind,
                format: mail.undeliverable!.format,
                recipient: mail.undeliverable!.recipient,
                status: mail.undeliverable!.status,
                originalMessageId: mail.undeliverable!.originalMessageId,
              },
        );
        return;
      }
      expect(parsed.bounce).toBeNull();
      expect(parsed.contact.subject).toBe(mail.subject);
      expect(parsed.contact.from.value.toLowerCase()).toBe(mail.sender!.address);
      expect(parsed.contact.from.name ?? null).toBe(mail.sender!.name);
      for (const text of mail.body ?? []) expect(parsed.contact.text).toContain(text);
      for (const text of mail.bodyExcludes ?? []) expect(parsed.contact.text).not.toContain(text);
      expect(
        parsed.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          sha256: sha256(a.content),
        })),
      ).toEqual(mail.attachments ?? []);
      if (mail.automated === null) expect(parsed.automation).toEqual({ automated: false, reason: null });
      else expect(parsed.automation.reason).toContain(mail.automated);
    });
  }
});
