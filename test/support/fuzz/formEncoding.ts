/** One name=value pair of a form body or query string, in the order it is sent (a name may come twice). */
export type Pair = [name: string, value: string];

/**
 * Percent-encodes text as a browser would, except that a lone surrogate (which has no UTF-8 form, so
 * encodeURIComponent throws on it) is written as the three bytes a careless encoder produces for it.
 */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const ch of text) {
      const unit = ch.charCodeAt(0);
      if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      } else {
        out += encodeURIComponent(ch);
      }
    }
    return out;
  }
}

/** A form body or query string of the pairs; a pair given `raw` is written unencoded (bad escapes stay bad). */
export const formEncode = (pairs: Pair[], raw = false) =>
  pairs.map(([n, v]) => (raw ? `${n}=${v}` : `${percentEncode(n)}=${percentEncode(v)}`)).join('&');

function decodeComponent(text: string) {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * The parameters the server's form parser (body-parser's urlencoded with extended: false, i.e. qs at depth 0)
 * reads from a body: what Twilio's signature is computed over. A repeated name becomes a list; `__proto__` and
 * empty names are dropped, as qs drops them.
 */
export function parsedForm(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = Object.create(null);
  // qs turns every %5B and %5D into brackets before anything else, even where the rest fails to decode.
  for (const part of body.replace(/%5B/gi, '[').replace(/%5D/gi, ']').split('&')) {
    if (!part) continue;
    const bracketEquals = part.indexOf(']=');
    const at = bracketEquals === -1 ? part.indexOf('=') : bracketEquals + 1;
    const name = decodeComponent(at === -1 ? part : part.slice(0, at));
    const value = at === -1 ? '' : decodeComponent(part.slice(at + 1));
    if (!name || name === '__proto__') continue;
    const before = params[name];
    params[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return { ...params };
}
