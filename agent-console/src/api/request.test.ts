import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './ApiRequestError';
import { onUnauthenticated, requestJson } from './request';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const stop: (() => void)[] = [];
afterEach(() => stop.splice(0).forEach((fn) => fn()));

describe('requestJson', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchImpl = vi.fn(async () => json(200, { locale: 'zh-CN' }));
    const result = await requestJson('/api/me/locale', { method: 'PUT', body: { locale: 'zh-CN' }, fetchImpl });

    expect(result).toEqual({ locale: 'zh-CN' });
    expect(fetchImpl).toHaveBeenCalledWith('/api/me/locale', {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: '{"locale":"zh-CN"}',
    });
  });

  it('resolves undefined for 204 No Content', async () => {
    await expect(
      requestJson('/api/auth/sign-out', { method: 'POST', fetchImpl: async () => new Response(null, { status: 204 }) }),
    ).resolves.toBeUndefined();
  });

  it("turns a JSON error body into an ApiRequestError with the server's code, message and fields", async () => {
    const fields = [{ path: 'email', message: 'Required' }];
    const error = await requestJson('/api/auth/sign-in', {
      method: 'POST',
      body: {},
      fetchImpl: async () => json(400, { error: { code: 'invalid_input', message: 'Check the form', fields } }),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', message: 'Check the form', fields });
  });

  it('keeps the status when the error body is not JSON (e.g. a proxy page)', async () => {
    const error = await requestJson('/api/inbox', {
      fetchImpl: async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway', unreachable: true });
  });

  it('reports a failed fetch as an unreachable network error instead of a raw TypeError', async () => {
    const error = await requestJson('/api/me', {
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 0, code: 'network_error', unreachable: true });
  });

  it('notifies listeners when the session is gone, but not for a wrong password', async () => {
    const listener = vi.fn();
    stop.push(onUnauthenticated(listener));

    await requestJson('/api/auth/sign-in', {
      fetchImpl: async () => json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password' } }),
    }).catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();

    await requestJson('/api/me', {
      fetchImpl: async () => json(401, { error: { code: 'unauthenticated', message: 'Sign in first' } }),
    }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
