import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveVariant } from '../../knowledge-base/articles/saveVariant';
import { searchArticles } from '../../knowledge-base/search/searchArticles';
import { suggestArticles } from '../../knowledge-base/usage/suggestArticles';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// Search ranks a bounded set of candidates (searchArticles.ts): here more articles match than it ranks, and the
// article a reader wants is written last, so it is not among the first matches the index gives back.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** Articles saved as the editor saves them (indexed in the same statement), in this order. */
async function articles(state: string, variants: { title: string; body: string }[]) {
  for (const variant of variants) {
    const [{ id }] = await db.sql<{ id: string }[]>`insert into kb_articles (state) values (${state}) returning id`;
    await saveVariant(db.sql, id, { locale: 'en', ...variant }, null);
  }
}
const many = (n: number, make: (i: number) => { title: string; body: string }) =>
  Array.from({ length: n }, (_, i) => make(i));

describe('ranking when more articles match than a search ranks', () => {
  it('when 150 bodies mention a word and one title holds it, then that title comes first, with its snippet marked', async () => {
    await articles(
      'published',
      many(150, (i) => ({ title: `Store notes ${i}`, body: `Our warranty terms are printed on receipt ${i}.` })),
    );
    await articles('published', [{ title: 'Warranty claims', body: 'How a warranty claim is made and answered.' }]);
    const found = await searchArticles(db.sql, { q: 'warranty', audience: 'public' });
    expect(found.hits).toHaveLength(10);
    expect(found.hits[0].title).toBe('Warranty claims');
    expect(found.hits[0].snippetHtml).toContain('<mark>warranty</mark>');
    expect(found.hits.slice(1).every((h) => h.title.startsWith('Store notes'))).toBe(true);
  });

  it('when 120 drafts hold the word in their title, then the public and agents still get the live articles that do', async () => {
    await articles(
      'draft',
      many(120, (i) => ({ title: `Voucher draft ${i}`, body: 'Not written yet.' })),
    );
    await articles('published', [
      { title: 'Using a voucher', body: 'Enter the code at checkout.' },
      { title: 'Voucher expiry', body: 'A code lasts a year.' },
    ]);
    for (const audience of ['public', 'agent'] as const)
      expect((await searchArticles(db.sql, { q: 'vouchers', audience })).hits.map((h) => h.title).sort()).toEqual([
        'Using a voucher',
        'Voucher expiry',
      ]);
    expect((await searchArticles(db.sql, { q: 'voucher', audience: 'editor', limit: 50 })).hits).toHaveLength(50);
  });

  it('when a customer writes a long message, then its subject words find the article, and its small words do not', async () => {
    const found = await suggestArticles(db.sql, {
      ticketId: 'unused',
      subject: 'warranty claim',
      lastCustomerMessage: 'Hi, how do I make a claim? It is for the charger I bought.',
    });
    expect(found.hits[0].title).toBe('Warranty claims');
    const none = await suggestArticles(db.sql, {
      ticketId: 'unused',
      subject: 'the a of',
      lastCustomerMessage: '我的',
    });
    expect(none.hits).toEqual([]);
  });
});
