/** A made-up US number in the 555 range, written the way people type it, e.g. "+1 555 382 0417". */
export function randomSimPhone(random: () => number = Math.random): string {
  const digit = (from = 0) => String(from + Math.floor(random() * (10 - from)));
  return `+1 555 ${digit(2)}${digit()}${digit()} ${digit()}${digit()}${digit()}${digit()}`;
}

/** The number without spaces, dashes, dots or brackets: "+1 (555) 382-0417" → "+15553820417", as the server writes it. */
export function compactPhone(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** Worth asking the server about: only phone characters, and 7 to 15 digits. */
export function looksLikePhone(value: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(value.trim())) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** Recent numbers, most recent first, without repeats (compared compactly), at most `max`. */
export function rememberPhone(recent: readonly string[], phone: string, max = 8): string[] {
  const key = compactPhone(phone);
  if (!key) return [...recent];
  return [key, ...recent.filter((known) => compactPhone(known) !== key)].slice(0, max);
}
