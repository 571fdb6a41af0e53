import { describe, expect, it } from 'vitest';
import { textLinks } from './textLinks';

describe('textLinks', () => {
  it('when a mail holds a survey link, then the link is its own part between the text around it', () => {
    expect(textLinks('Rate us: https://desk.example/s/abc123 thanks')).toEqual([
      { kind: 'text', text: 'Rate us: ' },
      { kind: 'link', href: 'https://desk.example/s/abc123' },
      { kind: 'text', text: ' thanks' },
    ]);
  });

  it('when a sentence ends right after the address, then its full stop stays text', () => {
    expect(textLinks('请点击 http://127.0.0.1:4000/survey/x?a=1&b=2。谢谢')).toEqual([
      { kind: 'text', text: '请点击 ' },
      { kind: 'link', href: 'http://127.0.0.1:4000/survey/x?a=1&b=2' },
      { kind: 'text', text: '。谢谢' },
    ]);
  });

  it('when the address sits in angle brackets, then the brackets stay text', () => {
    expect(textLinks('<https://a.example/p>')).toEqual([
      { kind: 'text', text: '<' },
      { kind: 'link', href: 'https://a.example/p' },
      { kind: 'text', text: '>' },
    ]);
  });

  it('when there is no web address, then the text is one part; other schemes are not links', () => {
    expect(textLinks('javascript:alert(1) mailto:a@b.example')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) mailto:a@b.example' },
    ]);
    expect(textLinks('')).toEqual([]);
  });
});
