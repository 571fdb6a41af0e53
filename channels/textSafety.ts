// PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all.
// What a provider sends is the customer's words: it is kept, with each such character shown as U+FFFD, rather
// than refused (which would lose it on every retry). What our own API receives is refused instead (validate.ts).

// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** True when the text holds a character Postgres cannot store: NUL or a lone surrogate. */
export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The text with every NUL and lone surrogate replaced by U+FFFD; anything else is left as it was. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\ufffd');
}

/**
 * The value with storableText applied to every string inside it, object keys included, through arrays and
 * plain objects. Anything else (Buffer, Date, class instances) is returned as it is.
 */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableDeep(v)])) as T;
  }
  return value;
}

/** The paths (a.b.0) of every string inside the value that holds an unstorable character, keys included. */
export function unstorablePaths(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === 'string') return hasUnstorableText(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, [...path, i]));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      hasUnstorableText(k) ? [[...path, storableText(k)].join('.')] : unstorablePaths(v, [...path, k]),
    );
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
