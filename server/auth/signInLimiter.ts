import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Limits failed sign-ins per account and address (guessing one password) and per address (spraying many
 * accounts). Every attempt is counted as it starts, so a burst is limited too, and a successful one is given
 * back: a whole floor signing in from one office address is never refused. Counts live in Redis so every web
 * process shares them.
 */
export function createSignInLimiter(redis: Redis, prefix: string, maxAttempts: number, windowSeconds: number) {
  const perAccount = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:signin:acct`,
    points: maxAttempts,
    duration: windowSeconds,
  });
  const perAddress = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:signin:ip`,
    points: maxAttempts * 10,
    duration: windowSeconds,
  });

  return {
    /** Counts one attempt; returns the seconds to wait when over the limit, else null. */
    async consume(ip: string, email: string): Promise<number | null> {
      try {
        await Promise.all([perAccount.consume(`${ip}|${email}`), perAddress.consume(ip)]);
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    async succeeded(ip: string, email: string) {
      await Promise.all([perAccount.delete(`${ip}|${email}`), perAddress.reward(ip, 1)]);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
