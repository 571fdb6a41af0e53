import http from 'node:http';
import type { Express, Request, Response } from 'express';

/**
 * The request and response classes for an HTTP server whose requests all go to `app`: their instances are born with
 * the app's prototypes. express 5 gives every request and response it handles its own prototypes
 * (`Object.setPrototypeOf` in app.handle), and after that V8 moved whatever the request's handling allocated (the
 * router's closures, the headers, the parsed body) out of the young generation at the next scavenge: about 8 KB per
 * request, each scavenge a pause of several milliseconds under load. With the prototypes already in place, that call
 * changes nothing.
 */
export function appMessageClasses(app: Express) {
  class AppRequest extends http.IncomingMessage {}
  class AppResponse<Req extends http.IncomingMessage = http.IncomingMessage> extends http.ServerResponse<Req> {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as unknown as Request;
  app.response = AppResponse.prototype as unknown as Response;
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse };
}
