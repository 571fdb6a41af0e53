import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippetParts';

describe('snippetParts', () => {
  it('when a snippet marks matched words, then they are marked runs and the rest is plain text', () => {
    expect(snippetParts('如何申请<mark>退款</mark>：打开订单 &amp; 点击<mark>退款</mark>')).toEqual([
      { text: '如何申请', marked: false },
      { text: '退款', marked: true },
      { text: '：打开订单 & 点击', marked: false },
      { text: '退款', marked: true },
    ]);
  });

  it('when a snippet holds escaped or even raw markup, then it stays text', () => {
    expect(snippetParts('&lt;b&gt;x&lt;/b&gt; <img src=x onerror=alert(1)>')).toEqual([
      { text: '<b>x</b> <img src=x onerror=alert(1)>', marked: false },
    ]);
  });
});
