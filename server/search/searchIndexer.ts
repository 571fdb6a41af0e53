import type { AppContext } from '../context';
import type { Sql } from '../db/client';
import { indexText } from './segmentWords';

// The write paths that know their text index it in their own transaction (intake, replies, notes, subject changes).
// Every other row — written before search existed, by a path that does not index, or whose text a later statement
// changed (a trigger then drops its vector: migration 018) — has a null vector, and this indexer fills it: at
// start-up and then every INDEX_EVERY_MS. The null column is the work list, so any process can do it, and several
// at once skip each other's rows.

const BATCH = 200;
const INDEX_EVERY_MS = 30_000;

/** Indexes one batch of the messages and one of the tickets not indexed yet; returns how many rows it indexed. */
async function indexBatch(sql: Sql): Promise<number> {
  return sql.begin(async (tx) => {
    const messages = await tx<{ id: string; subject: string | null; bodyText: string }[]>`
      select id, subject, body_text from messages where search_vector is null
      order by created_at limit ${BATCH} for update skip locked`;
    const tickets = await tx<{ id: string; subject: string }[]>`
      select id, subject from tickets where search_vector is null
      order by created_at limit ${BATCH} for update skip locked`;
    if (messages.length) {
      const words = messages.map((m) => ({ id: m.id, words: indexText(m.subject, m.bodyText) }));
      await tx`
        update messages m set search_vector = to_tsvector('simple', v.words)
        from jsonb_to_recordset(${tx.json(words)}) as v(id uuid, words text) where m.id = v.id`;
    }
    if (tickets.length) {
      const words = tickets.map((t) => ({ id: t.id, words: indexText(t.subject) }));
      await tx`
        update tickets t set search_vector = to_tsvector('simple', v.words)
        from jsonb_to_recordset(${tx.json(words)}) as v(id uuid, words text) where t.id = v.id`;
    }
    return messages.length + tickets.length;
  });
}

/** Indexes every row not indexed yet, batch by batch, until none is left or `signal` stops it; returns how many. */
export async function indexUnindexedRows(sql: Sql, signal?: AbortSignal): Promise<number> {
  let total = 0;
  while (!signal?.aborted) {
    const indexed = await indexBatch(sql);
    if (!indexed) break;
    total += indexed;
  }
  return total;
}

/** Runs the indexer in the background now and INDEX_EVERY_MS after each pass; stop() waits for the batch in hand. */
export function startSearchIndexing(ctx: Pick<AppContext, 'sql' | 'log'>) {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void>;
  const pass = () => {
    running = indexUnindexedRows(ctx.sql, stopping.signal)
      .then(
        (indexed) => {
          if (indexed) ctx.log.info({ indexed }, 'search index: rows indexed');
        },
        (err: unknown) => ctx.log.warn({ err }, 'search index: indexing failed; it runs again shortly'),
      )
      .finally(() => {
        if (!stopping.signal.aborted) timer = setTimeout(pass, INDEX_EVERY_MS).unref();
      });
  };
  pass();
  return {
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
