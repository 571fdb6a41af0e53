import { describe, expect, it } from 'vitest';
import { appendToReply, ReplyInsertions, STAGED_FOR_MS, type ReplyInsertion } from './replyInsertions';

describe('ReplyInsertions', () => {
  it('when the composer of the ticket is open, then an article goes straight into it and is named by the reply', () => {
    const insertions = new ReplyInsertions();
    const received: ReplyInsertion[] = [];
    insertions.receive('t1', (insertion) => received.push(insertion));
    insertions.send('t1', { articleId: 'a1', text: '退款将在 3 天内到账。' });
    insertions.send('t2', { articleId: 'a2', text: 'another ticket' });
    expect(received).toEqual([{ articleId: 'a1', text: '退款将在 3 天内到账。' }]);
    expect(insertions.articlesInReply('t1')).toEqual(['a1']);
    insertions.replyCleared('t1');
    expect(insertions.articlesInReply('t1')).toEqual([]);
  });

  it('when an article is picked in a screen pop, then it waits for the composer, but not longer than a minute', () => {
    let now = 1_000;
    const insertions = new ReplyInsertions(() => now);
    insertions.send('t1', { articleId: 'a1', text: 'Refunds take 3 days.' });
    insertions.send('t2', { articleId: 'a2', text: 'stale' });
    const received: string[] = [];
    insertions.receive('t1', (insertion) => received.push(insertion.text));
    now += STAGED_FOR_MS + 1;
    insertions.receive('t2', (insertion) => received.push(insertion.text));
    expect(received).toEqual(['Refunds take 3 days.']);
    expect(insertions.articlesInReply('t2')).toEqual([]);
  });

  it('when a composer closes, then later articles wait for the next one instead of going to the closed one', () => {
    const insertions = new ReplyInsertions();
    const first: string[] = [];
    const stop = insertions.receive('t1', (insertion) => first.push(insertion.text));
    stop();
    insertions.send('t1', { articleId: 'a1', text: 'later' });
    const second: string[] = [];
    insertions.receive('t1', (insertion) => second.push(insertion.text));
    expect([first, second]).toEqual([[], ['later']]);
  });
});

describe('appendToReply', () => {
  it('when the reply has text, then the article follows a blank line; an empty reply becomes the article', () => {
    expect(appendToReply('', 'Answer')).toBe('Answer');
    expect(appendToReply('  \n', 'Answer')).toBe('Answer');
    expect(appendToReply('Hello,\n', 'Answer')).toBe('Hello,\n\nAnswer');
  });
});

describe('a composer closing', () => {
  it('when it closes for good, then its articles are forgotten; when another opened in its place, they stay', () => {
    const insertions = new ReplyInsertions();
    const stop = insertions.receive('t1', () => {});
    insertions.send('t1', { articleId: 'a1', text: 'x' });
    stop();
    insertions.receive('t1', () => {});
    insertions.composerClosed('t1');
    expect(insertions.articlesInReply('t1')).toEqual(['a1']);
    const stopSecond = insertions.receive('t2', () => {});
    insertions.send('t2', { articleId: 'a2', text: 'y' });
    stopSecond();
    insertions.composerClosed('t2');
    expect(insertions.articlesInReply('t2')).toEqual([]);
  });
});
