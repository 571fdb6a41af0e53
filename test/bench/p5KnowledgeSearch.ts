import { performance } from 'node:perf_hooks';
import { articleSnippetText } from '../../knowledge-base/search/articleSearchVector';
import { searchArticles } from '../../knowledge-base/search/searchArticles';
import { indexText } from '../../knowledge-base/search/segmentWords';
import { freshDatabase } from './support/benchEnvironment';
import { envNumber, runBenchmark } from './support/benchLifetime';
import { distribution, ms, printTable, printVerdict, ratio } from './support/figures';

/**
 * P5: knowledge base search. BENCH_P5_ARTICLES articles (half English, half Chinese, as an agent's search sees them:
 * internal and published) are written straight into a fresh database, indexed exactly as a save indexes them; then
 * BENCH_P5_QUERIES searches (English words, plurals, prefixes, Chinese words, two-word queries) run one after another
 * through the knowledge base's own search, snippets included. The baseline: a bare primary-key read of one article
 * on the same connection pool, in the same run.
 */
const ARTICLES = envNumber('BENCH_P5_ARTICLES', 50_000);
const QUERIES = envNumber('BENCH_P5_QUERIES', 400);
const TARGET_P95_MS = 20;
const BATCH = 500;

const EN =
  'refund order shipping delivery invoice password account payment return exchange warranty coupon discount subscription cancel address tracking parcel damaged missing voucher receipt battery charger screen'.split(
    ' ',
  );
const ZH =
  '退款 订单 发货 配送 发票 密码 账户 付款 退货 换货 保修 优惠券 折扣 订阅 取消 地址 物流 包裹 损坏 丢失 收据 电池 充电器 屏幕'.split(
    ' ',
  );
const FILLER_EN = 'how to request check change update your the a for with when after before within days business'.split(
  ' ',
);
const FILLER_ZH = '如何 申请 查询 修改 更新 您的 我们 会在 以内 工作日 之后 之前 需要 可以'.split(' ');

// A deterministic generator: the same articles every run, so runs compare.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const words = (n: number, topics: string[], filler: string[], sep: string) =>
  Array.from({ length: n }, () => (random() < 0.35 ? pick(topics) : pick(filler))).join(sep);

function anArticle(i: number) {
  const zh = i % 2 === 1;
  const [topics, filler, sep] = zh ? [ZH, FILLER_ZH, ''] : [EN, FILLER_EN, ' '];
  const title = `${words(2, topics, filler, sep)}${sep}${pick(topics)}${zh ? '' : `s ${i}`}`;
  const body = Array.from({ length: 4 }, () => words(25, topics, filler, sep)).join(zh ? '。' : '. ');
  return { locale: zh ? 'zh-CN' : 'en', title, body };
}

void runBenchmark('P5 knowledge search', 600, async () => {
  console.log(`P5 — knowledge base search over ${ARTICLES} articles (half zh-CN, half en), ${QUERIES} queries`);
  const { sql } = await freshDatabase('p5');
  const loadStarted = performance.now();
  for (let start = 0; start < ARTICLES; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ARTICLES - start) }, (_, k) => anArticle(start + k));
    const ids = await sql<{ id: string }[]>`
      insert into kb_articles (state, publish_at)
      select case when n % 10 = 0 then 'internal' else 'published' end, now() - interval '1 day'
      from generate_series(1, ${batch.length}) n returning id`;
    await sql`
      insert into kb_article_variants (article_id, locale, title, body, slug, search_vector, snippet_text)
      select id, locale, title, body, '',
        setweight(to_tsvector('english', tw), 'A') || setweight(to_tsvector('simple', tw), 'A') ||
        setweight(to_tsvector('english', bw), 'B') || setweight(to_tsvector('simple', bw), 'B'),
        snippet
      from unnest(${ids.map((r) => r.id)}::uuid[], ${batch.map((a) => a.locale)}::text[], ${batch.map((a) => a.title)}::text[],
                  ${batch.map((a) => a.body)}::text[], ${batch.map((a) => indexText(a.title))}::text[],
                  ${batch.map((a) => indexText(a.body))}::text[], ${batch.map((a) => articleSnippetText(a.body))}::text[])
        as t(id, locale, title, body, tw, bw, snippet)`;
  }
  await sql`vacuum analyze kb_article_variants`;
  await sql`vacuum analyze kb_articles`;
  console.log(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

  const queries = Array.from({ length: QUERIES }, (_, i) => {
    switch (i % 5) {
      case 0:
        return pick(EN);
      case 1:
        return `${pick(EN)}s`;
      case 2:
        return pick(EN).slice(0, 4);
      case 3:
        return pick(ZH);
      default:
        return `${pick(ZH)}${pick(ZH)}`;
    }
  });
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
  const s = distribution(search);
  const b = distribution(baseline);
  printTable(
    'P5 latency (ms)',
    ['', 'count', 'p50', 'p95', 'p99', 'max', 'p95 vs baseline'],
    [
      ['search', s.count, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ratio(s.p95, b.p95)],
      ['bare baseline', b.count, ms(b.p50), ms(b.p95), ms(b.p99), ms(b.max), '1.0×'],
    ],
  );
  console.log(`queries without a hit: ${empty} of ${QUERIES}`);
  printVerdict(`search p95 ≤ ${TARGET_P95_MS} ms`, `${ms(s.p95)} ms`, s.p95 !== null && s.p95 <= TARGET_P95_MS);
});
