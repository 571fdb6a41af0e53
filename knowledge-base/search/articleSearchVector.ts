import type { KbQuery } from '../db';
import { markdownPlainText } from '../markdown/renderMarkdown';
import { indexText, spaceChineseWords } from './segmentWords';

// Sentinels ts_headline puts around a match: characters no article text keeps (they are removed on save), turned
// into <mark> only after the snippet has been HTML-escaped.
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';
const SENTINELS = /[\u27E6\u27E7]/g;

/**
 * The search_vector of an article variant: title weighted A, body B; each both English-stemmed (refunds → refund)
 * and as its segmented words (Chinese cut by jieba, so 退款 is a word of 如何申请退款).
 */
export function articleSearchVector(sql: KbQuery, title: string, body: string) {
  const titleWords = indexText(title);
  const bodyWords = indexText(markdownPlainText(body));
  return sql`
    setweight(to_tsvector('english', ${titleWords}::text), 'A') || setweight(to_tsvector('simple', ${titleWords}::text), 'A') ||
    setweight(to_tsvector('english', ${bodyWords}::text), 'B') || setweight(to_tsvector('simple', ${bodyWords}::text), 'B')`;
}

/** The body as ts_headline reads it: plain text, Chinese words spaced apart, no sentinel characters. */
export const articleSnippetText = (body: string) => spaceChineseWords(markdownPlainText(body).replace(SENTINELS, ''));
