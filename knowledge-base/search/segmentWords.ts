import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese is written without spaces, and PostgreSQL's parsers split text only at spaces and punctuation: `如何申请退款`
// would be one word, never found by `退款`. jieba cuts it into words first (如何 / 申请 / 退款); the words are joined
// by spaces and handed to to_tsvector('simple', …), which then only lowercases them. Text in other scripts passes
// through jieba as its words, so one path serves English, Chinese and mixed text.

// Loading the dictionary blocks for about 200 ms: done once, when the process starts, not in the first request.
const jieba = Jieba.withDict(dict);

/** Only the first this many characters of one text are indexed: the tsvector stays far below PostgreSQL's 1 MB. */
export const MAX_INDEXED_CHARS = 50_000;

const IS_WORD = /[\p{L}\p{N}]/u;

/**
 * The words of a text to index: in search mode, so a long word also yields the shorter words inside it
 * (中华人民共和国 → 中华, 人民, 共和国, … and itself), and a search for any of them finds it.
 */
export function indexWords(text: string): string[] {
  return jieba.cutForSearch(text.slice(0, MAX_INDEXED_CHARS), true).filter((w) => IS_WORD.test(w));
}

/** The words of what someone typed into a search box or wrote in a message: each word once, as written. */
export function queryWords(text: string): string[] {
  const words = jieba.cut(text.slice(0, MAX_INDEXED_CHARS), true).map((w) => w.trim());
  return [...new Set(words.filter((w) => IS_WORD.test(w)))];
}

/** The text to_tsvector('simple', …) indexes for these parts (a subject and a body): their words, space-separated. */
export function indexText(...parts: (string | null | undefined)[]): string {
  return indexWords(parts.filter(Boolean).join('\n')).join(' ');
}

/**
 * A to_tsquery('simple', …) input finding texts with every word of the query, each also as the start of a longer
 * word: `refund` finds "refunds", `退` finds 退款. Each word is quoted, so nothing typed is read as an operator.
 * Empty when the query has no words.
 */
export function prefixQuery(q: string): string {
  return queryWords(q)
    .map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`)
    .join(' & ');
}

const HAN = /\p{Script=Han}/u;

/**
 * The text with a space between two Chinese words and nothing else changed: PostgreSQL's parser (ts_headline) then
 * sees 退款 in `如何 申请 退款` as a word to mark. `joinSpacedWords` takes those spaces out again for display.
 */
export function spaceChineseWords(text: string): string {
  let out = '';
  for (const word of jieba.cut(text.slice(0, MAX_INDEXED_CHARS), true)) {
    if (out && HAN.test(out.at(-1)!) && HAN.test(word[0])) out += ' ';
    out += word;
  }
  return out;
}

/** Undoes spaceChineseWords: a single space between two Chinese characters goes. */
export const joinSpacedWords = (text: string) => text.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
