// The page an email's HTML is shown in, inside a sandboxed frame of the ticket view. The server has already
// sanitised the HTML; the frame's own Content-Security-Policy is the second wall: whatever got through may
// neither run nor load anything (a remote image would tell the sender each time an agent opens the ticket).

const POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: cid:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const STYLE = [
  'html, body { margin: 0; padding: 0; background: transparent; }',
  // flow-root keeps the first and last elements' margins inside the body, whose height sizes the frame.
  'body { display: flow-root; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; overflow-wrap: anywhere; }',
  'img, table { max-width: 100%; }',
  'img { height: auto; }',
  'p:first-child { margin-top: 0; }',
  'p:last-child { margin-bottom: 0; }',
  'blockquote { margin: 0 0 0 0.5rem; padding-left: 0.75rem; border-left: 3px solid #d0d7de; color: #57606a; }',
].join('\n');

/** A whole HTML document around the mail's (sanitised) HTML: our styles, no scripts, no loads, links open outside. */
export function emailDocument(sanitisedHtml: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<base target="_blank">',
    `<style>${STYLE}</style>`,
    `</head><body>${sanitisedHtml}</body></html>`,
  ].join('');
}
