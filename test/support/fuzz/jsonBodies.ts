import fc from 'fast-check';
import { formEncode } from './formEncoding';

/** A request body with the Content-Type it is sent under (null: no Content-Type header). */
export interface SentBody {
  contentType: string | null;
  body: Buffer | undefined;
}

const JSON_TYPE = 'application/json';
const contentTypes = fc.constantFrom<string | null>(
  ...Array.from({ length: 30 }, () => JSON_TYPE),
  `${JSON_TYPE}; charset=utf-8`,
  `${JSON_TYPE}; charset=latin1`,
  `${JSON_TYPE}; charset=utf-16`,
  `${JSON_TYPE}; charset=x-bogus`,
  `${JSON_TYPE}; charset="`,
  `${JSON_TYPE};;`,
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  null,
);

/** Ways a JSON text gets broken on the way: cut short, a number JSON.parse turns into Infinity, a BOM, trailing junk. */
const corruption = fc.constantFrom<(json: string) => string>(
  ...Array.from({ length: 40 }, () => (json: string) => json),
  (json) => json.slice(0, Math.max(1, Math.floor(json.length / 2))),
  (json) => json.replace(/:(\s*)("[^"]*"|-?\d[\d.e+-]*)/, ':1e999'),
  (json) => json.replace(/:(\s*)("[^"]*"|-?\d[\d.e+-]*)/, ':-1e999'),
  (json) => `\ufeff${json}`,
  (json) => `${json}garbage`,
  (json) => json.replace(/"/g, "'"),
  () => '',
  () => 'null',
  () => '"just a string"',
  () => '[{}]',
  () => `${'['.repeat(3000)}${']'.repeat(3000)}`,
);

function formOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return `value=${encodeURIComponent(String(value))}`;
  return formEncode(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]));
}

/** The value as a JSON body, most often as a client would send it, sometimes under another type or broken. */
export function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<SentBody> {
  return fc.tuple(value, contentTypes, corruption).map(([v, contentType, corrupt]) => {
    const text =
      contentType === 'application/x-www-form-urlencoded' ? formOf(v) : corrupt(JSON.stringify(v) ?? 'undefined');
    return { contentType, body: Buffer.from(text, 'utf8') };
  });
}
