import type { ApiError } from '../../../server/http/apiTypes';
import { ApiRequestError, NETWORK_ERROR_CODE } from './ApiRequestError';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type Listener = () => void;

const unauthenticatedListeners = new Set<Listener>();

/**
 * Called whenever any request learns the session is gone, so the app can return to
 * sign-in from wherever that happened instead of every caller checking for 401.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isApiError(body: unknown): body is ApiError {
  const error = (body as ApiError | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  // A proxy or a crashing server may answer with HTML or nothing; that must still become an ApiRequestError.
  const body: unknown = await response.json().catch(() => null);
  if (isApiError(body)) {
    return new ApiRequestError(response.status, body.error.code, body.error.message, body.error.fields ?? []);
  }
  return new ApiRequestError(
    response.status,
    `http_${response.status}`,
    response.statusText || `HTTP ${response.status}`,
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  fetchImpl?: FetchLike;
}

/** Same-origin JSON request; resolves with the parsed body (undefined for 204), rejects with ApiRequestError. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, fetchImpl = (input, init) => fetch(input, init) } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiRequestError(0, NETWORK_ERROR_CODE, cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && error.code === 'unauthenticated')
      unauthenticatedListeners.forEach((listener) => listener());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
