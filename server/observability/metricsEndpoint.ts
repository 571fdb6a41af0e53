import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Registry } from 'prom-client';
import { HttpError } from '../http/httpError';
import { processRegistry } from './metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /metrics in Prometheus text format: the process-wide metrics plus this process's own registry.
 * With METRICS_TOKEN set, only `Authorization: Bearer <token>` may read it.
 */
export function metricsEndpoint(own: Registry | undefined, token: string | undefined): RequestHandler {
  const expected = token === undefined ? null : digest(`Bearer ${token}`);
  return async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new HttpError(401, 'unauthenticated', 'Reading /metrics needs Authorization: Bearer with METRICS_TOKEN.');
    }
    const registry = own ? Registry.merge([processRegistry, own]) : processRegistry;
    const text = await registry.metrics();
    res.setHeader('Cache-Control', 'no-store');
    res.type(registry.contentType).send(text);
  };
}
