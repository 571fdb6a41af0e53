import type { KbQuery } from '../db';
import { queryWords } from './segmentWords';

const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const ONE_CHINESE_CHARACTER = /^\p{Script=Han}$/u;

// A word English-stemmed and as written. Where both are one lexeme (退款, refund), it is asked for once: each extra
// prefix term the GIN index must look up costs as much as the word does.
const bothForms = (sql: KbQuery, term: string) => sql`
  case when to_tsquery('english', ${term}) = to_tsquery('simple', ${term}) then to_tsquery('simple', ${term})
    else to_tsquery('english', ${term}) || to_tsquery('simple', ${term}) end`;

/**
 * The tsquery for what was typed, segmented as articles are.
 * `all` (a search box): every word must match, each English-stemmed or as written, and as the start of a longer word
 * (`refunds` → refund:*, `退` finds 退款).
 * `any` (suggestions from a customer's message): the more words match the higher the rank. A message is full of
 * words that say nothing of its subject, and each such word matches most articles, which is what makes a search slow
 * and its ranking noise: English stop words are left out (the english configuration drops them), as are words of one
 * Chinese character (我, 的, 想: pronouns and particles); the rest match as whole words, English-stemmed.
 * Null when nothing was a word.
 */
export function articleQuery(sql: KbQuery, text: string, match: 'all' | 'any', maxWords = 32) {
  const words = queryWords(text).slice(0, maxWords);
  if (!words.length) return null;
  const terms =
    match === 'all'
      ? words.map((w) => bothForms(sql, `${quoted(w)}:*`))
      : words.filter((w) => !ONE_CHINESE_CHARACTER.test(w)).map((w) => sql`to_tsquery('english', ${quoted(w)})`);
  if (!terms.length) return { words, tsquery: sql`''::tsquery` };
  return {
    words,
    tsquery: terms.reduce((all, term) => (match === 'all' ? sql`${all} && ${term}` : sql`${all} || ${term}`)),
  };
}
