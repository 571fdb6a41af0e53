import { performance } from 'node:perf_hooks';
import { searchArticles } from '../../knowledge-base/search/searchArticles';
import { suggestArticles } from '../../knowledge-base/usage/suggestArticles';
import { freshDatabase } from './support/benchEnvironment';
import { envNumber, runBenchmark } from './support/benchLifetime';
import { distribution, ms, printTable, printVerdict, ratio } from './support/figures';
import { benchMessages, benchQueries, seedArticles } from './support/knowledgeArticles';

/**
 * P5: knowledge base search. BENCH_P5_ARTICLES articles (half English, half Chinese, as an agent's search sees them:
 * internal and published) are written straight into a fresh database in bulk, indexed exactly as a save indexes them
 * (support/knowledgeArticles.ts); then BENCH_P5_QUERIES searches (English words, plurals, prefixes, Chinese words,
 * two-word queries) run one after another through the knowledge base's own search, snippets included. Then the
 * screen pop's suggestions for customers' messages (a subject and a sentence, English or Chinese), for the record.
 * The baseline: a bare primary-key read of one article on the same connection pool, in the same run.
 */
const ARTICLES = envNumber('BENCH_P5_ARTICLES', 50_000);
const QUERIES = envNumber('BENCH_P5_QUERIES', 400);
const TARGET_P95_MS = 20;

void runBenchmark('P5 knowledge search', 600, async () => {
  console.log(`P5 — knowledge base search over ${ARTICLES} articles (half zh-CN, half en), ${QUERIES} queries`);
  const { sql } = await freshDatabase('p5');
  const loadStarted = performance.now();
  await seedArticles(sql, ARTICLES);
  console.log(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

  const queries = benchQueries(QUERIES);
  const [{ id: someId }] = await sql<{ id: string }[]>`select article_id as id from kb_article_variants limit 1`;
  // Warm both paths (plans, caches) before measuring.
  for (const q of queries.slice(0, 20)) await searchArticles(sql, { q, audience: 'agent', limit: 10 });

  const baseline: number[] = [];
  const search: number[] = [];
  let empty = 0;
  for (const q of queries) {
    let t = performance.now();
    await sql`select title from kb_article_variants where article_id = ${someId}`;
    baseline.push(performance.now() - t);
    t = performance.now();
    const found = await searchArticles(sql, { q, audience: 'agent', limit: 10 });
    search.push(performance.now() - t);
    if (!found.hits.length) empty++;
  }
  const suggest: number[] = [];
  for (const message of benchMessages(Math.ceil(QUERIES / 4))) {
    const t = performance.now();
    await suggestArticles(sql, { ticketId: someId, ...message }, 3);
    suggest.push(performance.now() - t);
  }
  const p = distribution(suggest);
  const s = distribution(search);
  const b = distribution(baseline);
  printTable(
    'P5 latency (ms)',
    ['', 'count', 'p50', 'p95', 'p99', 'max', 'p95 vs baseline'],
    [
      ['search', s.count, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ratio(s.p95, b.p95)],
      ['suggestions', p.count, ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max), ratio(p.p95, b.p95)],
      ['bare baseline', b.count, ms(b.p50), ms(b.p95), ms(b.p99), ms(b.max), '1.0×'],
    ],
  );
  console.log(`queries without a hit: ${empty} of ${QUERIES}`);
  printVerdict(`search p95 ≤ ${TARGET_P95_MS} ms`, `${ms(s.p95)} ms`, s.p95 !== null && s.p95 <= TARGET_P95_MS);
});
