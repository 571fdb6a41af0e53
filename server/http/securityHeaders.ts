import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

// A Host header only ever names a host and port; anything else is left out of the policy rather than echoed into it.
const PLAIN_HOST = /^[a-z0-9.-]+(?::\d+)?$|^\[[0-9a-f:.]+\](?::\d+)?$/i;
const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/** Socket.IO's WebSocket to the address the console was loaded from (older browsers do not count ws: as 'self'). */
const ownWebSocket = (req: IncomingMessage) => {
  const host = req.headers.host;
  if (!host || !PLAIN_HOST.test(host)) return "'self'";
  return `${(req as { secure?: boolean }).secure ? 'wss' : 'ws'}://${host}`;
};

/**
 * The headers every response carries. The Content-Security-Policy is the built console's: its scripts and
 * stylesheets are files of its own ('self', as Vite emits them); it talks to this origin over HTTP and Socket.IO;
 * nobody may frame it. With browser calling on (TWILIO_API_KEY_SID), the Twilio Voice SDK also reaches Twilio's
 * signalling (wss) and event (https) hosts and plays its ringtones from sdk.twilio.com; the call's audio itself is
 * WebRTC, which CSP does not govern.
 */
export function securityHeaders(config: Config): RequestHandler[] {
  const twilio = config.TWILIO_API_KEY_SID ? ['https://*.twilio.com', 'wss://*.twilio.com'] : [];
  const csp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // 'unsafe-inline' for styles only: an email is shown in a sandboxed srcdoc frame, which inherits this policy,
        // and styles itself with a <style> element of its own (tickets/emailDocument.ts). No script may run there.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'media-src': ["'self'", 'blob:', ...(twilio.length ? ['https://sdk.twilio.com'] : [])],
        'connect-src': ["'self'", ownWebSocket, ...twilio],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Sent below, only when the request came over HTTPS (or HSTS=on): on plain HTTP it would be ignored, or worse,
    // pin a name to HTTPS that is not served over it.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    // Same-origin requests keep their Origin header (the cross-origin check reads it); nothing leaks elsewhere.
    referrerPolicy: { policy: 'same-origin' },
  });
  const hsts: RequestHandler = (req, res, next) => {
    if (config.HSTS === 'on' || (config.HSTS === 'auto' && req.secure)) {
      res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
    }
    next();
  };
  return [csp, hsts];
}
