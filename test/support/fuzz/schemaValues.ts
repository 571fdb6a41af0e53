import fc from 'fast-check';
import { hugeText, nastyString, ODD_WORDS, oddNumber, oneTimeIn, troubledText, wrongTypeValue } from './nastyValues';

/** The part of JSON Schema that z.toJSONSchema gives for our routes' inputs. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Values that make sense for a field by its name or format: real ids, loopback hosts, phone numbers. */
export interface FieldValues {
  /** An id for a field of this name (`customerId`; for a path's `:id`, the collection before it, `tickets`). */
  uuid: (name: string) => fc.Arbitrary<string>;
  /**
   * By field name, checked before the schema for a field without a format (or a UUID): e.g. hosts kept on
   * loopback. A field with another format (an email, a date) keeps it.
   */
  byName: [RegExp, fc.Arbitrary<unknown>][];
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'id', 'role', 'admin', 'a.b', 'a[b]'];

const dates = fc.oneof(
  // Mostly ahead (a callback may not be booked in the past), some behind.
  fc
    .date({ min: new Date('2024-01-01'), max: new Date('2036-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-02-30',
    '0000-01-01',
    '9999-12-31',
    '+275760-09-13',
    '2026-13-01',
    '1970-01-01T00:00:00Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01T24:00:00Z',
    '-271821-04-20T00:00:00Z',
  ),
);

/**
 * Values a schema accepts most of the time and, at every level, sometimes one it does not: a wrong type, NUL or a
 * lone surrogate, a string past its length, a missing required key, an extra or prototype key.
 */
export function schemaValue(schema: JsonSchema, values: FieldValues, name = '', depth = 0): fc.Arbitrary<unknown> {
  const named = values.byName.find(([pattern]) => pattern.test(name));
  if (named && (!schema.format || schema.format === 'uuid')) return named[1];
  const wrong = depth > 3 ? fc.constant(null) : wrongTypeValue;
  return fc.oneof({ weight: 12, arbitrary: fitting(schema, values, name, depth) }, { weight: 1, arbitrary: wrong });
}

function fitting(schema: JsonSchema, values: FieldValues, name: string, depth: number): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  // A branch (`uuid | null`) or a list's items are still the field they belong to.
  if (branches) return fc.oneof(...branches.map((b) => schemaValue(b, values, name, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), fc.constantFrom('', 'UNKNOWN', '__proto__'));
  switch (schema.type) {
    case 'object':
      return objectValue(schema, values, depth);
    case 'array':
      return fc.array(schemaValue(schema.items ?? {}, values, name, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'string':
      return stringValue(schema, values, name);
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 }),
        fc.constantFrom((schema.minimum ?? 0) - 1, (schema.maximum ?? 2 ** 31) + 1),
        oddNumber,
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return wrongTypeValue;
  }
}

function objectValue(schema: JsonSchema, values: FieldValues, depth: number) {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, schemaValue(properties[k], values, k, depth + 1)])), {
    requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
  });
  return fc
    .tuple(
      record,
      oneTimeIn(8, fc.constantFrom(...(keys.length ? keys : ['x']))),
      oneTimeIn(6, fc.tuple(fc.constantFrom(...EXTRA_KEYS), wrongTypeValue)),
    )
    .map(([value, dropped, extra]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (dropped !== null) delete out[dropped];
      // defineProperty, so that __proto__ becomes an own key (as JSON.parse makes it) rather than the prototype.
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true });
      return out;
    });
}

function stringValue(schema: JsonSchema, values: FieldValues, name: string): fc.Arbitrary<string> {
  const max = schema.maxLength;
  // Built only for the format the field has: a UUID field's values depend on its name.
  const byFormat: Record<string, () => fc.Arbitrary<string>> = {
    uuid: () => values.uuid(name),
    email: () =>
      fc.oneof(
        fc.emailAddress(),
        fc.constantFrom('a@b.co', 'A@EXAMPLE.COM', 'a@b', '@example.com', 'a@@example.com', 'a@example.com\u0000'),
      ),
    date: () => dates.map((d) => d.slice(0, 10)),
    'date-time': () => dates,
    base64: () => fc.oneof(fc.base64String({ maxLength: 40 }), fc.constantFrom('====', 'not base64!', 'YQ', 'YQ==\n')),
    uri: () =>
      fc.constantFrom('http://127.0.0.1:1/hold.mp3', 'https://127.0.0.1:1/a', 'javascript:alert(1)', 'not a uri'),
  };
  const patterned = schema.pattern ? patternValue(schema.pattern) : null;
  // Text a person might type, or with a NUL or lone surrogate inside: JSON carries both, only storage refuses one.
  const plain = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: Math.min(schema.minLength ?? 0, 30), maxLength: 30 }),
    { weight: 1, arbitrary: troubledText.map((t) => t.padEnd(schema.minLength ?? 0, 'x')) },
  );
  return fc.oneof(
    { weight: 30, arbitrary: (schema.format && byFormat[schema.format]?.()) || patterned || plain },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_WORDS) },
    { weight: 1, arbitrary: nastyString },
    // Just at and just past the limit.
    {
      weight: 1,
      arbitrary: max ? fc.constantFrom('y'.repeat(max), 'y'.repeat(max + 1), ' '.repeat(max + 1)) : hugeText,
    },
  );
}

function patternValue(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern), { size: 'small' });
  } catch {
    return null;
  }
}
