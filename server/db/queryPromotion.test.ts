import { inject, describe, expect, it } from 'vitest';
import { promotedDuring } from '../../test/support/gcPromotion';
import { createSql } from './client';

/**
 * postgres@3.4.9 kept each query's resolve and reject as closures on the query (a Promise subclass). V8 then moved
 * nearly every query, with its parameters, its rows and whatever awaited it, out of the young generation on the
 * next scavenge: about 1 KB per query under load, 9 MB/s in the P1 benchmark, each scavenge a 5–17 ms pause of the
 * whole server. patches/postgres+3.4.9.patch keeps the settling functions as they are and wraps them in the
 * prototype's methods. Promotion is read from V8's own GC statistics: old space grown across each scavenge.
 */
describe('queries and the garbage collector', () => {
  it('when thousands of queries have run and been answered, then they die young instead of being moved to the old generation', async () => {
    const sql = createSql(inject('adminDatabaseUrl'), { max: 4 });
    try {
      await sql`select 1`;
      let queries = 0;
      const promoted = await promotedDuring(async () => {
        while (queries < 6_000) {
          const batch = Array.from(
            { length: 20 },
            (_, i) => sql`select ${i}::int as i, now() as at, ${'x'.repeat(100)} as text`,
          );
          await Promise.all(batch);
          queries += batch.length;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      });
      expect(promoted.scavenges).toBeGreaterThan(0);
      // Unpatched: about 1,000 bytes per query. Patched: under 100 (what the driver's buffers and caches keep).
      expect(promoted.bytes / queries).toBeLessThan(400);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
