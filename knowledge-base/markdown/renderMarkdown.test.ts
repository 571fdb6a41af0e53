import { describe, expect, it } from 'vitest';
import { markdownPlainText, renderMarkdown } from './renderMarkdown';

describe('article Markdown', () => {
  it('when an article holds raw HTML or a javascript: link, then it is shown as text, never run', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[click](javascript:alert(1)) **bold**');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('when read as plain text, then the words stay and the Markdown syntax goes', () => {
    expect(
      markdownPlainText('# 如何申请退款\n\n1. Open **Orders**\n2. See [the policy](https://x.test)\n\n![photo](a.png)'),
    ).toBe('如何申请退款\nOpen Orders\nSee the policy');
  });
});
