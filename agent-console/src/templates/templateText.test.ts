import { describe, expect, it } from 'vitest';
import { placeholdersIn, replaceCommand, slashCommandAt } from './templateText';

describe('placeholdersIn', () => {
  it('when a text holds placeholders, then each is listed once, in order', () => {
    expect(placeholdersIn('Order [[order number]] ships [[date]]; [[order number]] again')).toEqual([
      'order number',
      'date',
    ]);
    expect(placeholdersIn('您的订单 [[订单号]] 已退款')).toEqual(['订单号']);
    expect(placeholdersIn('no [placeholders] here')).toEqual([]);
  });
});

describe('slashCommandAt', () => {
  it('when a slash starts the text or follows a space, then the word after it is the query', () => {
    expect(slashCommandAt('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashCommandAt('Hello\n/', 7)).toEqual({ start: 6, query: '' });
    expect(slashCommandAt('Hi /退款', 6)).toEqual({ start: 3, query: '退款' });
  });

  it('when the slash is inside a word or a URL, or a space follows the word, then no command is open', () => {
    expect(slashCommandAt('and/or', 6)).toBeNull();
    expect(slashCommandAt('see https://x.example/a', 23)).toBeNull();
    expect(slashCommandAt('/ref ', 5)).toBeNull();
  });

  it('when a command is replaced, then the text after the caret stays and the caret follows the insert', () => {
    const text = 'Hi /ref tail';
    const command = slashCommandAt(text, 7)!;
    expect(replaceCommand(text, command, 7, 'Refund done.')).toEqual({ text: 'Hi Refund done. tail', caret: 15 });
  });
});
