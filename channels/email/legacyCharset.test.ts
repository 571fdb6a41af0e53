import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseCharset, decodeText, ISO_2022_JP } from './legacyCharset';

const bytes = (text: string, charset: string) => iconv.encode(text, charset);
const readAs = (raw: Buffer, declared?: string) => decodeText(raw, chooseCharset(raw, declared));

describe('chooseCharset', () => {
  it.each([
    ['gb2312', '您好，我们公司的网络从今天早上开始一直断断续续，请尽快派人检查。', 'gb18030'],
    ['big5', '您好，我們的印表機無法列印，請協助處理。', 'big5hkscs'],
    ['shift_jis', 'ソフトウェアの表示が正しくありません。予定表も開きません。', 'cp932'],
    ['euc-jp', '会議室の予約システムにアクセスできません。', 'euc-jp'],
    ['euc-kr', '비밀번호를 재설정할 수 없습니다. 도와주세요.', 'cp949'],
    ['koi8-r', 'Здравствуйте! Не работает личный кабинет, при входе появляется ошибка.', 'koi8-r'],
    ['windows-1251', 'Пожалуйста, пришлите счёт на оплату за декабрь.', 'windows-1251'],
    ['windows-1252', 'Die Lieferung für Köln ist beschädigt angekommen – bitte um Rückruf.', 'windows-1252'],
  ])('when undeclared %s text arrives, then it is sniffed and read right', (charset, text, expected) => {
    const raw = bytes(text, charset);
    expect(chooseCharset(raw)).toBe(expected);
    expect(readAs(raw)).toBe(text);
  });

  it('when the detector says GB2312, then the text is read as GB18030, so GBK and four-byte characters survive', () => {
    const raw = bytes('𠮷野家和王喆的订单', 'gb18030');
    expect(chooseCharset(raw, 'gb2312')).toBe('gb18030');
    expect(readAs(raw, 'gb2312')).toBe('𠮷野家和王喆的订单');
  });

  it('when the label is utf-8 but the bytes are GB2312, then the label loses', () => {
    const raw = bytes('系统登录后一直显示错误代码五零三，请帮忙查看。', 'gb2312');
    expect(readAs(raw, 'utf-8')).toBe('系统登录后一直显示错误代码五零三，请帮忙查看。');
  });

  it('when the label is latin1 but the bytes are UTF-8, then it is UTF-8', () => {
    expect(chooseCharset(Buffer.from('la facture de décembre est erronée', 'utf8'), 'iso-8859-1')).toBe('utf-8');
  });

  it('when a right single-byte label is given, then it is kept (a detector never overrides a label that fits)', () => {
    const raw = bytes('Grüße aus München', 'latin1');
    expect(chooseCharset(raw, 'iso-8859-1')).toBe('windows-1252');
    expect(chooseCharset(bytes('Zgłoszenie: drukarka nie działa', 'windows-1250'), 'windows-1250')).toBe(
      'windows-1250',
    );
  });

  it('when a latin1 label sits on Shift_JIS bytes, then the Japanese is read', () => {
    const raw = bytes('先週注文した商品の納品書がまだ届いていません。', 'shift_jis');
    expect(readAs(raw, 'iso-8859-1')).toBe('先週注文した商品の納品書がまだ届いていません。');
  });

  it('when 7-bit text carries ISO-2022-JP escapes and no label, then it is ISO-2022-JP (left to mailparser to decode)', () => {
    expect(chooseCharset(Buffer.from('\x1b$B%W%j%s%?!<\x1b(B', 'latin1'))).toBe(ISO_2022_JP);
    expect(chooseCharset(Buffer.from('plain ascii'), 'us-ascii')).toBe('utf-8');
  });

  it('when valid UTF-8 arrives unlabelled, then it is UTF-8', () => {
    expect(chooseCharset(Buffer.from('打印机 🙂', 'utf8'))).toBe('utf-8');
  });
});
