import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseInboundEmail } from './parseInboundEmail';
import { repairCharsets } from './repairCharsets';

const gb = (text: string) => iconv.encode(text, 'gb2312');
const sjis = (text: string) => iconv.encode(text, 'shift_jis');
const mail = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
const parse = (raw: Buffer) => parseInboundEmail(raw, { maxAttachmentBytes: 1024 * 1024 });
const percent = (bytes: Buffer) => [...bytes].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
const withFile = (disposition: string | Buffer) =>
  mail(
    'Message-ID: <f@x>\r\nFrom: a@customer.example\r\nSubject: file\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n',
    '--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n--b\r\nContent-Type: application/octet-stream\r\n',
    'Content-Disposition: attachment; ',
    disposition,
    '\r\nContent-Transfer-Encoding: base64\r\n\r\nYWJj\r\n--b--\r\n',
  );

describe('repairCharsets, as intake sees it', () => {
  it('when Subject and the From name are raw GB2312 bytes, then both read as Chinese', async () => {
    const { contact } = await parse(
      mail(
        'Message-ID: <a@x>\r\nFrom: ',
        gb('王芳'),
        ' <wf@customer.example>\r\nSubject: ',
        gb('打印机卡纸怎么办'),
        '\r\n\r\nhi\r\n',
      ),
    );
    expect(contact.subject).toBe('打印机卡纸怎么办');
    expect(contact.from).toEqual({ kind: 'email', value: 'wf@customer.example', name: '王芳' });
  });

  it.each([
    ['王芳', 'gb2312'],
    ['李娜', 'gb2312'],
    ['佐藤', 'shift_jis'],
    ['김민지', 'euc-kr'],
    ['陳大文', 'big5'],
    ['Иван', 'windows-1251'],
    ['Иван Петров', 'koi8-r'],
    ['José García', 'windows-1252'],
    ['Łukasz Żółć', 'windows-1250'],
  ])(
    'when a raw From name (%s in %s) is the only 8-bit text in the mail, then it still reads right',
    async (name, charset) => {
      const raw = mail(
        'Message-ID: <n@x>\r\nFrom: ',
        iconv.encode(name, charset),
        ' <n@customer.example>\r\nSubject: x\r\n\r\nhi',
      );
      expect((await parse(raw)).contact.from.name).toBe(name);
    },
  );

  it('when Subject is raw Shift_JIS, then it reads as Japanese', async () => {
    const { contact } = await parse(
      mail('Message-ID: <b@x>\r\nFrom: a@x.example\r\nSubject: ', sjis('納品書が届いていません'), '\r\n\r\nhi'),
    );
    expect(contact.subject).toBe('納品書が届いていません');
  });

  it('when the body is GB2312 with no charset, then it reads as Chinese, not U+FFFD', async () => {
    const { contact } = await parse(
      mail('Message-ID: <c@x>\r\nFrom: a@x.example\r\nSubject: x\r\n\r\n', gb('您好，打印机坏了。'), '\r\n'),
    );
    expect(contact.text).toBe('您好，打印机坏了。\n');
  });

  it('when an encoded word says utf-8 but holds GB2312, then it reads as Chinese', async () => {
    const word = `=?utf-8?B?${gb('打印机故障').toString('base64')}?=`;
    expect(
      (await parse(mail(`Message-ID: <d@x>\r\nFrom: a@x.example\r\nSubject: ${word}\r\n\r\nhi`))).contact.subject,
    ).toBe('打印机故障');
  });

  it('when a GB2312 character is split across two encoded words, then it is joined before decoding', async () => {
    const bytes = gb('打印机');
    const words = `=?gb2312?B?${bytes.subarray(0, 3).toString('base64')}?= =?gb2312?B?${bytes.subarray(3).toString('base64')}?=`;
    expect(
      (await parse(mail(`Message-ID: <e@x>\r\nFrom: a@x.example\r\nSubject: ${words}\r\n\r\nhi`))).contact.subject,
    ).toBe('打印机');
  });

  it('when Subject and name are UTF-7 encoded words, then they read as the text they encode', async () => {
    const { contact } = await parse(
      mail(
        'Message-ID: <u@x>\r\nFrom: =?UTF-7?Q?Zo+AOs-_Keller?= <z@x.example>\r\nSubject: =?UTF-7?Q?+ZeVnLIqe-?=\r\n\r\nhi',
      ),
    );
    expect(contact.subject).toBe('日本語');
    expect(contact.from.name).toBe('Zoë Keller');
  });

  it('when Subject is raw ISO-2022-JP, then it reads as Japanese', async () => {
    const { contact } = await parse(
      mail('Message-ID: <j@x>\r\nFrom: a@x.example\r\nSubject: \x1b$B%W%j%s%?!<\x1b(B\r\n\r\nhi'),
    );
    expect(contact.subject).toBe('プリンター');
  });

  it.each([
    ['labelled', `filename*=gb2312''${percent(gb('你好世界报告'))}.txt`],
    ['with no charset', `filename*=''${percent(gb('你好世界报告'))}.txt`],
    ['labelled utf-8 by mistake', `filename*=utf-8''${percent(gb('你好世界报告'))}.txt`],
    [
      'split into sections mid-character',
      `filename*0*=utf-8''${percent(gb('你好世界报告').subarray(0, 3))}; filename*1*=${percent(gb('你好世界报告').subarray(3))}.txt`,
    ],
  ])('when an RFC 2231 file name in GB2312 is %s, then the name reads as Chinese', async (_, disposition) => {
    expect((await parse(withFile(disposition))).attachments.map((a) => a.filename)).toEqual(['你好世界报告.txt']);
  });

  it('when a file name is raw GB2312 or Shift_JIS bytes, then it reads right (a backslash trail byte included)', async () => {
    const gbName = mail('filename="', gb('发票'), '.pdf"');
    const sjisName = mail('filename="', sjis('見積書ソフト'), '.pdf"');
    expect((await parse(withFile(gbName))).attachments[0].filename).toBe('发票.pdf');
    expect((await parse(withFile(sjisName))).attachments[0].filename).toBe('見積書ソフト.pdf');
  });

  it('when a mail is UTF-8 or ASCII throughout, then the very same bytes go to the parser', () => {
    for (const name of [
      'plain.eml',
      'reply.eml',
      'chinese.eml',
      'attachments.eml',
      'postfix-dsn.eml',
      'html-only-script.eml',
    ]) {
      const raw = fs.readFileSync(new URL(`../../test/fixtures/email/${name}`, import.meta.url));
      expect(repairCharsets(raw), name).toBe(raw);
    }
  });

  it('when only the headers need it, then the body bytes and the Message-ID stay byte for byte', () => {
    const body = 'line one\r\nline two\r\n';
    const raw = mail('Message-ID: <keep.this@x>\r\nSubject: ', gb('你好'), `\r\n\r\n${body}`);
    const repaired = repairCharsets(raw);
    expect(repaired.toString('utf8')).toBe(`Message-ID: <keep.this@x>\r\nSubject: 你好\r\n\r\n${body}`);
  });
});
