import { useEffect, useRef, useState } from 'react';
import { emailDocument } from './emailDocument';

// Tall newsletters scroll inside the frame instead of pushing the rest of the thread away.
const MAX_HEIGHT_PX = 640;

/**
 * An email's sanitised HTML in a sandboxed frame: no scripts, no forms, no navigation of the console. The sandbox
 * keeps the frame same-origin only so the console can read its height; without allow-scripts nothing in it can
 * use that. Links open in a new tab (allow-popups), outside the sandbox.
 */
export function EmailHtmlFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(24);
  // The body's own height: the document's would never be less than the frame's current height.
  const fit = () => {
    const body = frame.current?.contentDocument?.body;
    if (body) setHeight(Math.min(MAX_HEIGHT_PX, Math.max(24, Math.ceil(body.getBoundingClientRect().height))));
  };
  // A narrower window wraps the mail onto more lines.
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return (
    <iframe
      ref={frame}
      className="message-html"
      data-testid="message-html"
      title={title}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={emailDocument(html)}
      style={{ height }}
      onLoad={fit}
    />
  );
}
