import type { KbQuery } from '../db';
import { queryWords } from './segmentWords';

const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`;

/**
 * The tsquery for what was typed, segmented as articles are: each word English-stemmed or as written, and as the
 * start of a longer word (`refunds` → refund:*, `退` finds 退款). `all`: every word must match (a search box); `any`:
 * the more words match the higher the rank (suggestions from a customer's message). Null when nothing was a word.
 */
export function articleQuery(sql: KbQuery, text: string, match: 'all' | 'any', maxWords = 32) {
  const words = queryWords(text).slice(0, maxWords);
  if (!words.length) return null;
  const terms = words.map((w) => sql`(to_tsquery('english', ${quoted(w)}) || to_tsquery('simple', ${quoted(w)}))`);
  return {
    words,
    tsquery: terms.reduce((all, term) => (match === 'all' ? sql`${all} && ${term}` : sql`${all} || ${term}`)),
  };
}
