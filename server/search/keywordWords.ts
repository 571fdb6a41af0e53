import { queryWords } from './segmentWords';

// Words that say nothing about what a message is about, in the two languages the console speaks. Matching a
// template on "the" or 的 would suggest every template for every message.
const STOP_WORDS = new Set(
  [
    'a an and are as at be but by can could do does for from have hello hi how i if in is it me my no not of on or',
    'our please so that the their them there they this to was we what when where which who why will with would you',
    'your thanks thank dear regards',
    '的 了 是 我 你 您 他 她 它 们 我们 你们 在 有 和 与 也 就 都 而 及 或 一个 这 那 这个 那个 吗 呢 吧 啊 哦 嗯',
    '请 请问 谢谢 你好 您好 怎么 如何 什么 为什么 可以 能 会 要 想 还 没 没有 不 很 到 给 把 被 让',
  ]
    .join(' ')
    .split(' '),
);

/** A plural and its singular count as one word: "refunds" matches the keyword "refund". */
const singular = (w: string) =>
  /^[a-z]+$/.test(w) && w.length > 3
    ? w.endsWith('ies')
      ? `${w.slice(0, -3)}y`
      : w.endsWith('s') && !w.endsWith('ss')
        ? w.slice(0, -1)
        : w
    : w;

/**
 * The words a text is about, for matching a customer's message against templates: segmented (Chinese too),
 * lowercased, plurals folded, each once, without stop words and single Latin letters.
 */
export function keywordWords(...texts: (string | null | undefined)[]): string[] {
  const words = queryWords(texts.filter(Boolean).join('\n'))
    .map((w) => singular(w.toLowerCase()))
    .filter((w) => !STOP_WORDS.has(w) && !/^[a-z]$/.test(w));
  return [...new Set(words)];
}
