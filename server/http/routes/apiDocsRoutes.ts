import { buildOpenApiDocument } from '../openApi';
import { route, type RouteDef } from '../route';

/** Serves the OpenAPI document of every route in the table it is given (built once, on first request). */
export function apiDocsRoutes(table: () => RouteDef[]) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return [
    route({
      method: 'get',
      path: '/api/openapi.json',
      access: 'public',
      summary: 'This API, described in OpenAPI 3.1.',
      async handler({ ctx }) {
        document ??= buildOpenApiDocument(table(), ctx.config.PUBLIC_URL);
        return document;
      },
    }),
  ];
}
