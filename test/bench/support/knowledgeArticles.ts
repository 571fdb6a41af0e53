import { articleSnippetText } from '../../../knowledge-base/search/articleSearchVector';
import { indexText } from '../../../knowledge-base/search/segmentWords';
import type { Sql } from '../../../server/db/client';

/**
 * P5's articles: half English, half Chinese, as an agent's search sees them (one in ten internal, the rest
 * published). Deterministic, so runs compare. Written straight into the database in bulk, indexed exactly as a save
 * indexes them (the same segmented words, the same weighted tsvector).
 */
export const EN =
  'refund order shipping delivery invoice password account payment return exchange warranty coupon discount subscription cancel address tracking parcel damaged missing voucher receipt battery charger screen'.split(
    ' ',
  );
export const ZH =
  '退款 订单 发货 配送 发票 密码 账户 付款 退货 换货 保修 优惠券 折扣 订阅 取消 地址 物流 包裹 损坏 丢失 收据 电池 充电器 屏幕'.split(
    ' ',
  );
const FILLER_EN = 'how to request check change update your the a for with when after before within days business'.split(
  ' ',
);
const FILLER_ZH = '如何 申请 查询 修改 更新 您的 我们 会在 以内 工作日 之后 之前 需要 可以'.split(' ');

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
export const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const words = (n: number, topics: string[], filler: string[], sep: string) =>
  Array.from({ length: n }, () => (random() < 0.35 ? pick(topics) : pick(filler))).join(sep);

function anArticle(i: number) {
  const zh = i % 2 === 1;
  const [topics, filler, sep] = zh ? [ZH, FILLER_ZH, ''] : [EN, FILLER_EN, ' '];
  const title = `${words(2, topics, filler, sep)}${sep}${pick(topics)}${zh ? '' : `s ${i}`}`;
  const body = Array.from({ length: 4 }, () => words(25, topics, filler, sep)).join(zh ? '。' : '. ');
  return { locale: zh ? 'zh-CN' : 'en', title, body };
}

// Rows per INSERT: large enough that round trips do not count, small enough for the protocol's parameter arrays.
const BATCH = 2_000;

/**
 * Writes `count` articles: per batch, one INSERT of the articles and one of their variants (unnest of arrays), the
 * words segmented in this process and the tsvector computed by PostgreSQL for the whole batch. The search indexes
 * are built once at the end, as a bulk load does (inserting into a GIN index row by row is what makes a load slow).
 */
export async function seedArticles(sql: Sql, count: number, onProgress: (done: number) => void = () => {}) {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'kb_article_variants' and indexdef ilike '%using gin%'`;
  for (const { name } of indexes) await sql`drop index ${sql(name)}`;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => anArticle(start + k));
    const ids = await sql<{ id: string }[]>`
      insert into kb_articles (state, publish_at)
      select case when n % 10 = 0 then 'internal' else 'published' end, now() - interval '1 day'
      from generate_series(${start + 1}::int, ${start + batch.length}::int) n order by n returning id`;
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
    onProgress(start + batch.length);
  }
  for (const { definition } of indexes) await sql.unsafe(definition);
  await sql`vacuum analyze kb_article_variants`;
  await sql`vacuum analyze kb_articles`;
}

/** Queries as agents type them: English words, plurals, prefixes, Chinese words, two Chinese words. */
export function benchQueries(count: number) {
  return Array.from({ length: count }, (_, i) => {
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
}

/** Customers' messages as the screen pop reads them: a subject and a sentence about two topics, English or Chinese. */
export function benchMessages(count: number) {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? {
          subject: `Question about my ${pick(EN)}`,
          lastCustomerMessage: `Hi, I need help with the ${pick(EN)} and the ${pick(EN)} for my order, can you check it please?`,
        }
      : {
          subject: `关于${pick(ZH)}的问题`,
          lastCustomerMessage: `您好，我的${pick(ZH)}有问题，想问一下${pick(ZH)}需要多久？谢谢`,
        },
  );
}
