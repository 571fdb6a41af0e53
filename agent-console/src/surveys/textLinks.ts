/** A run of plain text, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// Stops at white space, at the brackets and quotes mail text wraps addresses in, and at the first non-ASCII
// character: a Chinese sentence runs on right after an address without a space (our survey links are ASCII).
const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]\u0080-\uffff]+/g;
// A sentence's closing punctuation right after an address belongs to the sentence, not the address.
const TRAILING_PUNCTUATION = /[.,;:!?。，；：！？]+$/;

/**
 * Splits mail text into text and http(s) links, so a survey link in a simulated customer's mail can be opened
 * with a click, as in a real mail client. Anything else (javascript:, mailto:) stays text.
 */
export function textLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING_PUNCTUATION, '');
    const at = match.index;
    if (at > from) parts.push({ kind: 'text', text: text.slice(from, at) });
    parts.push({ kind: 'link', href });
    from = at + href.length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}
