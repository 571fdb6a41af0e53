import { describe, expect, it } from 'vitest';
import { previewText, splitQuotedText } from './splitQuotedText';

describe('splitQuotedText', () => {
  it('leaves a message without quotes as one written segment', () => {
    expect(splitQuotedText('Hello,\n\nmy router is broken.')).toEqual([
      { quoted: false, text: 'Hello,\n\nmy router is broken.' },
    ]);
  });

  it('collapses everything after an "On … wrote:" line', () => {
    const text =
      'Still broken, sorry.\n\nOn Mon, 3 Mar 2025 at 10:00, Support <help@example.com> wrote:\nHave you tried turning it off?\n\nRegards';
    expect(splitQuotedText(text)).toEqual([
      { quoted: false, text: 'Still broken, sorry.' },
      {
        quoted: true,
        text: 'On Mon, 3 Mar 2025 at 10:00, Support <help@example.com> wrote:\nHave you tried turning it off?\n\nRegards',
      },
    ]);
  });

  it('recognises an attribution wrapped over two lines', () => {
    const text = 'Thanks!\nOn Mon, 3 Mar 2025 at 10:00, Support Team\n<help@example.com> wrote:\n> Fixed.';
    expect(splitQuotedText(text)).toEqual([
      { quoted: false, text: 'Thanks!' },
      { quoted: true, text: 'On Mon, 3 Mar 2025 at 10:00, Support Team\n<help@example.com> wrote:\n> Fixed.' },
    ]);
  });

  it('treats ">" lines as quoted wherever they are, keeping inline answers visible', () => {
    const text = '> Which model?\nThe X200.\n\n> Since when?\n>\n> (roughly)\nSince Monday.';
    expect(splitQuotedText(text)).toEqual([
      { quoted: true, text: '> Which model?' },
      { quoted: false, text: 'The X200.' },
      { quoted: true, text: '> Since when?\n>\n> (roughly)' },
      { quoted: false, text: 'Since Monday.' },
    ]);
  });

  it('keeps blank lines between quoted lines inside the quote', () => {
    expect(splitQuotedText('Yes.\n\n> one\n\n> two\n')).toEqual([
      { quoted: false, text: 'Yes.' },
      { quoted: true, text: '> one\n\n> two' },
    ]);
  });

  it('knows Outlook\'s "Original Message" separator and the Chinese attribution', () => {
    expect(splitQuotedText('OK\n-----Original Message-----\nFrom: a')[1]).toEqual({
      quoted: true,
      text: '-----Original Message-----\nFrom: a',
    });
    expect(splitQuotedText('好的\n在 2025年3月3日 10:00，客服 写道：\n> 已修复')[1]).toMatchObject({ quoted: true });
  });

  it('does not mistake a sentence starting with "On" for an attribution', () => {
    expect(splitQuotedText('On Monday the router died.\nIt still is.')).toEqual([
      { quoted: false, text: 'On Monday the router died.\nIt still is.' },
    ]);
  });

  it('handles Windows line endings and empty text', () => {
    expect(splitQuotedText('Hi\r\n> old')).toEqual([
      { quoted: false, text: 'Hi' },
      { quoted: true, text: '> old' },
    ]);
    expect(splitQuotedText('')).toEqual([]);
  });
});

describe('previewText', () => {
  it('shows only the written part, on one line, shortened', () => {
    expect(previewText('Still broken.\n\nOn Mon, Support wrote:\n> Try again')).toBe('Still broken.');
    expect(previewText('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('falls back to the quote when nothing else was written', () => {
    expect(previewText('> only a quote')).toBe('> only a quote');
  });
});
