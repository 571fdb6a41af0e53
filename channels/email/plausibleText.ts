// How unlike written language a decoding looks. A detector needs text to judge by, and a Subject of two Chinese
// characters, a Japanese surname or "José García" is too little: jschardet then ranks KOI8-R, Arabic or Greek
// code pages first, and their decodings read "уен╟", "چ²“،" or "Josι Garcνa". Those show what a wrong charset
// does: symbols where letters should be, and words that mix scripts. legacyCharset.ts prefers, among the
// charsets that decode the bytes cleanly, the one whose text shows the least of that.

const NEUTRAL = /[\u00a0\u00ab\u00b0\u00b7\u00bb\u2013-\u2026\u20ac\u3000-\u303f\uff01-\uff65\u30fb]/u;

const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  // Chinese and Japanese mix these within one word as a matter of course; Korean words are Hangul alone.
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u],
  ['hangul', /\p{Script=Hangul}/u],
];

/**
 * 0 for text that reads like a language; a point per stray symbol and per word whose case flips inside it
 * ("БхСу"), two per word that mixes scripts.
 */
export function implausibility(text: string): number {
  let points = 0;
  for (const word of text.split(/[\s\p{P}\d]+/u)) {
    const scripts = new Set<string>();
    for (const char of word) {
      if (char < '\u0080') {
        if (/[A-Za-z]/.test(char)) scripts.add('latin');
        continue;
      }
      const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0];
      if (script) scripts.add(script);
      else if (!NEUTRAL.test(char) && !/\p{M}/u.test(char)) points += 1;
    }
    if (scripts.size > 1) points += 2;
    if (/\p{Ll}\p{Lu}/u.test(word.slice(1)) && /[^\p{ASCII}]/u.test(word)) points += 1;
  }
  return points;
}
