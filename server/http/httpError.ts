/** An error with the HTTP status and machine-readable code the client receives. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in first.');
export const forbidden = () => new HttpError(403, 'forbidden', 'Your role does not allow this.');
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found.`);
