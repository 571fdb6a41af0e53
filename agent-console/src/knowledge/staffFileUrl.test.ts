import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown';
import { staffFileUrl } from './staffFileUrl';

const ID = '0b6a5f9e-3c1d-4e2f-8a7b-9c0d1e2f3a4b';

describe('staffFileUrl', () => {
  it('when a file is named by its help center address, then the console reads it through the staff route', () => {
    expect(staffFileUrl(`/help/files/${ID}/receipt%20scan.png`)).toBe(`/api/knowledge/attachments/${ID}`);
  });

  it('when an address is anything else, then it stays as written', () => {
    for (const url of [
      'https://example.com/help/files/x.png',
      `https://other.example/help/files/${ID}/a.png`,
      '/help/files/not-an-id/a.png',
      `/help/files/${ID}/a/b.png`,
    ])
      expect(staffFileUrl(url)).toBe(url);
  });

  it('when the preview renders an image or a file link of an article, then both point at the staff route', () => {
    const html = renderMarkdown(`![receipt](/help/files/${ID}/receipt.png)\n\n[manual](/help/files/${ID}/manual.pdf)`);
    expect(html).toContain(`<img src="/api/knowledge/attachments/${ID}" alt="receipt">`);
    expect(html).toContain(
      `<a href="/api/knowledge/attachments/${ID}" target="_blank" rel="noopener noreferrer">manual</a>`,
    );
  });
});
