import type { Request, RequestHandler } from 'express';
import { HttpError } from './httpError';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What a browser says of a request it makes on a page's behalf (Sec-Fetch-Site, which no page can set):
// only the console's own pages, or the user typing or bookmarking, may change anything.
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

const refused = (why: string) =>
  new HttpError(403, 'cross_origin', `Refused: this request comes from another site or origin (${why}).`);

/**
 * Cross-site request forgery stops here: a page elsewhere, even on another port of this host (the same "site" to
 * a SameSite cookie), cannot make a signed-in browser change anything. Browsers say where a request comes from
 * (Sec-Fetch-Site, and Origin on every POST); a request carrying neither is not a browser's and carries no
 * ambient cookie of a victim, so it passes (curl, scripts, tests). Webhooks are not under /api: they are signed.
 */
export function refuseCrossOrigin(publicUrl: () => string): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && !ALLOWED_FETCH_SITES.has(fetchSite)) throw refused(`Sec-Fetch-Site: ${fetchSite}`);
    const origin = req.headers.origin;
    // A same-origin request may still say "Origin: null" (a strict Referrer-Policy does that): the browser vouches.
    if (origin !== undefined && fetchSite !== 'same-origin' && !ownOrigins(req, publicUrl()).includes(origin)) {
      throw refused(`Origin: ${origin}`);
    }
    next();
  };
}

/** Where the console may be served from: the address this request came to, and PUBLIC_URL (behind a proxy). */
function ownOrigins(req: Request, publicUrl: string) {
  const origins = [new URL(publicUrl).origin];
  const host = req.get('host');
  // Through URL, so "host:80" compares equal to the "host" a browser sends, and a malformed Host matches nothing.
  if (host && URL.canParse(`${req.protocol}://${host}`)) origins.push(new URL(`${req.protocol}://${host}`).origin);
  return origins;
}
