// Customer HTML is hostile until proven otherwise, and the agent console shows it inside our own origin.
// The allow-list keeps what carries meaning in a mail (text structure, tables, links, inline images) and drops
// what can act: scripts, event handlers, styles (CSS can exfiltrate and overlay the console), forms, frames
// and embedded objects. Images survive only as `cid:` references to the mail's own parts: a remote image
// is a read receipt the customer's tracker gets whenever an agent opens the ticket.

import sanitizeHtml, { type IOptions } from 'sanitize-html';

const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;
const INLINE_IMAGE = /^cid:/i;
const TABLE_CELL = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height'];

const OPTIONS: IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'big', 'del', 'ins'],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    font: ['color', 'size', 'face'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'align'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    td: TABLE_CELL,
    th: TABLE_CELL,
    '*': ['dir', 'lang', 'align'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  // Their text is code or chrome, not the customer's words.
  nonTextTags: [
    'script',
    'style',
    'title',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
  ],
  transformTags: {
    // Links open outside the console and cannot reach back into it (window.opener) or learn where they came from.
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      return {
        tagName,
        attribs: {
          ...(href && LINK_SCHEMES.test(href) ? { href } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
          rel: 'noopener noreferrer',
          target: '_blank',
        },
      };
    },
  },
  // A relative src has no scheme for the allow-list to reject and would load from the console's own origin.
  exclusiveFilter: (frame) => frame.tag === 'img' && !INLINE_IMAGE.test(frame.attribs.src?.trim() ?? ''),
};

/** Customer HTML → HTML safe to show in the agent console. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The words of an HTML mail without any markup, for when a mail's text rendering is missing. */
export function htmlToPlainText(html: string): string {
  return (
    sanitizeHtml(html.replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '$&\n'), {
      allowedTags: [],
      allowedAttributes: {},
      nonTextTags: OPTIONS.nonTextTags,
    })
      // sanitize-html re-escapes only these four in text; every other entity is already decoded.
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
