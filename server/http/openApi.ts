import { z } from 'zod';
import type { RouteDef } from './route';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message'],
    },
  },
};

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of the JSON API, generated from the route table and its zod schemas. */
export function buildOpenApiDocument(routes: RouteDef[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const refused =
      r.access === 'public'
        ? {}
        : {
            401: { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } },
            403: { description: 'Role not allowed', content: { 'application/json': { schema: errorSchema } } },
          };
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      description: r.access === 'public' ? 'Public.' : `Roles: ${r.access.join(', ')}.`,
      ...(r.access === 'public' ? { security: [] } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
        : {}),
      // An upload's body is the file itself, in whatever media type it has.
      ...(r.rawBody
        ? { requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } }
        : {}),
      responses: {
        200: { description: 'OK' },
        204: { description: 'Done, no content' },
        400: {
          description: 'Invalid input: `error.fields` names each wrong field',
          content: { 'application/json': { schema: errorSchema } },
        },
        ...refused,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: '1',
      description:
        'The JSON API the agent console uses. Sign in with POST /api/auth/sign-in; the session travels in the httpOnly `sb_session` cookie.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sb_session' } } },
    security: [{ session: [] }],
    paths,
  };
}
