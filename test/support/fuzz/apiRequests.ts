import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../../server/http/route';
import { formEncode, percentEncode, type Pair } from './formEncoding';
import type { FuzzRequest } from './fuzzRequest';
import { jsonBody } from './jsonBodies';
import { nastyString, oneTimeIn } from './nastyValues';
import { schemaValue, type FieldValues, type JsonSchema } from './schemaValues';

/** A route's input as JSON Schema, as the OpenAPI document publishes it. */
const schemaOf = (schema: z.ZodType | undefined): JsonSchema =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : {};

/** Path segments written as they are, escapes unchecked: bad percent-encoding, dots, encoded slashes. */
const RAW_SEGMENTS = ['%zz', '%', '%E0%A4%A', '%00', '%ED%A0%80', '..', '.', '%2e%2e', '%2F', '%5C', '%20', '-'];

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** The route's path with each `:param` filled in: a value its schema suggests, encoded, or a raw bad segment. */
function pathFor(route: RouteDef, values: FieldValues): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const properties = schemaOf(route.params).properties ?? {};
  // `/api/tickets/:id` takes a ticket's id: the field is named for the collection before it.
  const fieldName = (name: string) => (name === 'id' ? (/\/([\w-]+)\/:id/.exec(route.path)?.[1] ?? name) : name);
  const segment = (name: string) =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: schemaValue(properties[name] ?? {}, values, fieldName(name)).map((v) => percentEncode(asText(v))),
      },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    );
  return fc
    .tuple(...names.map(segment))
    .map((segments) => names.reduce((path, name, i) => path.replace(`:${name}`, segments[i] || '-'), route.path));
}

/** Query pairs from a value: a list repeats the name, an object nests it in brackets. */
function queryPairs(value: unknown): Pair[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [['q', asText(value)]];
  return Object.entries(value).flatMap(([k, v]): Pair[] => {
    if (Array.isArray(v)) return v.map((item) => [k, asText(item)]);
    if (v !== null && typeof v === 'object') return Object.entries(v).map(([sub, s]) => [`${k}[${sub}]`, asText(s)]);
    return [[k, v === null ? '' : String(v)]];
  });
}

function queryFor(route: RouteDef, values: FieldValues): fc.Arbitrary<string> {
  const pairs: fc.Arbitrary<Pair[]> = route.query
    ? schemaValue(schemaOf(route.query), values).map(queryPairs)
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant<Pair[]>([]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(nastyString, nastyString), { maxLength: 2 }) },
      );
  return fc
    .tuple(
      pairs,
      oneTimeIn(8, fc.constant(true)),
      oneTimeIn(8, fc.constantFrom('q=%00', 'q=%zz', 'limit=1e999', '__proto__[x]=1')),
    )
    .map(([list, raw, extra]) => [formEncode(list, raw === true), extra].filter(Boolean).join('&'))
    .map((query) => (query ? `?${query}` : ''));
}

/** A call to one route of the table, signed in with the cookie given, with odd params, query and body. */
export function apiRequest(
  route: RouteDef,
  values: FieldValues,
  as: 'anonymous' | 'admin' | 'agent',
  cookie: string | null,
): fc.Arbitrary<FuzzRequest> {
  const sendsBody = route.body !== undefined || route.method !== 'get';
  const body = route.body
    ? jsonBody(schemaValue(schemaOf(route.body), values))
    : fc.constant({ contentType: null, body: undefined });
  return fc
    .record({ path: pathFor(route, values), query: queryFor(route, values), body })
    .map(({ path, query, body: sent }) => {
      const headers: [string, string][] = [];
      if (cookie) headers.push(['Cookie', cookie]);
      if (sent.contentType) headers.push(['Content-Type', sent.contentType]);
      return {
        family: `api ${route.method.toUpperCase()} ${route.path}`,
        as,
        method: route.method.toUpperCase(),
        target: path + query,
        headers,
        body: sendsBody ? sent.body : undefined,
      } satisfies FuzzRequest;
    });
}
