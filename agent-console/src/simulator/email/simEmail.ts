const FIRST_NAMES = ['alex', 'sam', 'jordan', 'lee', 'maria', 'wei', 'fatima', 'noah', 'yuki', 'olga'];
const LAST_NAMES = ['rivera', 'chen', 'smith', 'okafor', 'novak', 'garcia', 'tanaka', 'muller', 'singh', 'lopez'];

/** A made-up customer address on a domain reserved for examples, e.g. "maria.chen.482@customer.example". */
export function randomSimEmail(random: () => number = Math.random): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  return `${pick(FIRST_NAMES)}.${pick(LAST_NAMES)}.${100 + Math.floor(random() * 900)}@customer.example`;
}

/** The address as the server keeps it: trimmed, lowercased. */
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

/** Worth asking the server about: one @, something on both sides, a dot in the domain, no spaces. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** Recent addresses, most recent first, without repeats (compared normalised), at most `max`. */
export function rememberEmail(recent: readonly string[], address: string, max = 8): string[] {
  const key = normaliseEmail(address);
  if (!key) return [...recent];
  return [key, ...recent.filter((known) => normaliseEmail(known) !== key)].slice(0, max);
}

/** The subject of the customer's answer, as mail clients write it: one "Re:" in front. */
export function replySubjectFor(subject: string): string {
  const trimmed = subject.trim();
  return /^re\s*:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`.trim();
}
