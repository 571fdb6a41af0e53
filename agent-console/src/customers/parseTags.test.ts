import { describe, expect, it } from 'vitest';
import { formatTags, parseTags } from './parseTags';

describe('parseTags', () => {
  it('splits on commas and trims', () => {
    expect(parseTags('vip, billing ,wholesale')).toEqual(['vip', 'billing', 'wholesale']);
  });

  it('drops empty entries and repeats, ignoring case', () => {
    expect(parseTags(' , VIP,,vip , ')).toEqual(['vip']);
  });

  it('keeps inner spaces but collapses runs of them', () => {
    expect(parseTags('key   account')).toEqual(['key account']);
  });

  it('accepts the full-width comma of Chinese input methods', () => {
    expect(parseTags('vip，billing')).toEqual(['vip', 'billing']);
  });

  it('gives no tags for empty text, and round-trips with formatTags', () => {
    expect(parseTags('')).toEqual([]);
    expect(parseTags(formatTags(['vip', 'key account']))).toEqual(['vip', 'key account']);
  });
});
