import { describe, expect, it } from 'vitest';
import { firstLine } from './firstLine';

describe('firstLine', () => {
  it('when a message has several lines, then the subject is the first one', () => {
    expect(firstLine('  Router keeps dropping\n\n> earlier text\n> quoted')).toBe('Router keeps dropping');
  });

  it('when the first line is long, then it is shortened at a word with an ellipsis', () => {
    const subject = firstLine('word '.repeat(40));
    expect(subject.length).toBeLessThanOrEqual(80);
    expect(subject).toMatch(/word…$/);
  });
});
