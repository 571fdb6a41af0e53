/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** True when no answer came from the API (offline, or the server restarting behind a proxy). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export const NETWORK_ERROR_CODE = 'network_error';
