import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { Invalidation } from './invalidationRules';

export interface InvalidationScheduler {
  schedule(invalidation: Invalidation): void;
  /** Drops what is still waiting (the session ended). */
  dispose(): void;
}

/**
 * Invalidates each key once per delay however many events ask for it meanwhile: a routing pass that touches fifty
 * tickets, or a campaign sending ten texts a second, becomes one re-read, and a steady stream never starves it.
 */
export function createInvalidationScheduler(client: QueryClient): InvalidationScheduler {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    schedule({ queryKey, delayMs }) {
      const hash = hashKey(queryKey);
      if (waiting.has(hash)) return;
      waiting.set(
        hash,
        setTimeout(() => {
          waiting.delete(hash);
          void client.invalidateQueries({ queryKey });
        }, delayMs),
      );
    },
    dispose() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
