import fc from 'fast-check';

// What the world sends that code tends not to expect: the building blocks of every fuzzed request.

/** A value from `arbitrary` one time in `every`, else null: for an odd touch that should not swamp the rest. */
export const oneTimeIn = <T>(every: number, arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Characters PostgreSQL cannot store (NUL, lone surrogates) and others that upset text handling. */
const TROUBLE_CHARS = ['\u0000', '\ud800', '\udfff', '\udc00\ud800', '\ufffd', '\u202e', '\ufeff', '\r\n', '😀'];

/** Short strings that mean something to some layer: SQL, paths, escapes, prototypes, numbers. */
export const ODD_WORDS = [
  '',
  ' ',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '0x1F',
  '99999999999999999999999',
  'true',
  '[]',
  '{}',
  '{"a":1}',
  "'; select pg_sleep(0); --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'C:\\Windows\\win.ini',
  '${jndi:ldap://127.0.0.1:1/x}',
];

/** Text with NUL, lone surrogates or other trouble spliced in somewhere. */
export const troubledText = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...TROUBLE_CHARS), fc.string({ maxLength: 12 }))
  .map(([a, b, c]) => a + b + c);

/** Long text: past most length limits, sometimes past the body limits (64 kB for webhooks, 1 MB for the API). */
export const hugeText = fc.oneof(
  fc
    .tuple(fc.constantFrom(301, 1_025, 20_001, 70_000), fc.constantFrom('x', 'é', '😀', '\u0000'))
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
  fc.constant('x'.repeat(1_100_000)),
);

/** Any string, weighted to the troublesome. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_WORDS) },
  { weight: 3, arbitrary: troubledText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeText },
);

/** Numbers JSON can carry that are rarely meant: huge, negative, fractional, past 2^53. */
export const oddNumber = fc.constantFrom(-1, 0, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE);

/** A JSON value of a type a field rarely expects. */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], [[[]]], { '': '' }),
  oddNumber,
  nastyString,
  fc.jsonValue({ maxDepth: 2 }),
  // An own __proto__ / constructor key, as JSON.parse makes it.
  fc.constant(JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') as unknown),
);

/** Phone numbers as Twilio or a person might give them, valid or not. */
export const oddPhone = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('+14155550100', '+442071838750', '+15005550006') },
  fc.constantFrom(
    '+15005550006',
    '+14155550100',
    '+442071838750',
    '+861012345678',
    '+',
    '+1',
    '123',
    '0',
    'anonymous',
    'Anonymous',
    'Restricted',
    'UNAVAILABLE',
    'client:agent-1',
    'sip:caller@127.0.0.1',
    '+999999999999999999999',
    ' +1 (415) 555-0100 ',
    '+1415555０100',
    '+1\u00004155550100',
    '266696687',
  ),
  fc.stringMatching(/^\+?[0-9]{1,18}$/),
  nastyString,
);

/** Strings that are not UUIDs, or are UUIDs nothing has: for ids in paths, queries and bodies. */
export const notAUuid = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '1',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-4266141740000',
    '{123e4567-e89b-12d3-a456-426614174000}',
  ),
  fc.uuid(),
  nastyString,
);
