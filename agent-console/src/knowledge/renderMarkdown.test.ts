import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown';

describe('renderMarkdown', () => {
  it('when an article uses headings, lists, emphasis and images, then they become HTML', () => {
    const html = renderMarkdown('# 如何申请退款\n\n1. Open **Orders**\n2. Choose *Refund*\n\n![receipt](/api/x.png)');
    expect(html).toContain('<h1>如何申请退款</h1>');
    expect(html).toContain('<li>Open <strong>Orders</strong></li>');
    expect(html).toContain('<em>Refund</em>');
    expect(html).toContain('<img src="/api/x.png" alt="receipt">');
  });

  it('when an article holds raw HTML, then it shows as text and never runs', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  });

  it('when a link points to javascript:, then no link is made; other links open in a new tab without an opener', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('<a');
    expect(renderMarkdown('[help](https://help.example/refunds)')).toContain(
      '<a href="https://help.example/refunds" target="_blank" rel="noopener noreferrer">help</a>',
    );
  });
});
