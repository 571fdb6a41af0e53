import { describe, expect, it } from 'vitest';
import { repliedToIds, replySubject, subjectToken, threadingHints, ticketNumberInSubject } from './threadingHeaders';

describe('repliedToIds', () => {
  it('when a reply carries In-Reply-To and References, then In-Reply-To comes first and repeats are dropped', () => {
    expect(
      repliedToIds({ inReplyTo: '<b@sb.example>', references: ['<a@customer.example>', '<b@sb.example>'] }),
    ).toEqual(['<b@sb.example>', '<a@customer.example>']);
  });

  it('when References is one string holding several ids, then each is read', () => {
    expect(repliedToIds({ references: '<a@x.example> <b@x.example>\r\n <c@x.example>' })).toEqual([
      '<a@x.example>',
      '<b@x.example>',
      '<c@x.example>',
    ]);
  });

  it('when neither header is there, or holds no <id>, then there are none', () => {
    expect(repliedToIds({})).toEqual([]);
    expect(repliedToIds({ inReplyTo: 'your message of Tuesday' })).toEqual([]);
  });
});

describe('ticketNumberInSubject', () => {
  it.each([
    ['Printer on fire [#1234]', 1234],
    ['Re: Printer on fire [#1234]', 1234],
    ['Fwd: RE: Printer [#1234] still broken', 1234],
    ['回复: 打印机无法连接网络 [#1234]', 1234],
    ['答复：打印机无法连接网络 [#1234]', 1234],
    ['[#77] first, [#1234] second', 77],
  ])('when the subject is "%s", then the ticket is %i', (subject, number) => {
    expect(ticketNumberInSubject(subject)).toBe(number);
  });

  it.each(['Order #1234', '[1234]', '[#]', '[#12a]', '', undefined])(
    'when the subject is "%s", then there is no ticket number',
    (subject) => {
      expect(ticketNumberInSubject(subject)).toBeNull();
    },
  );
});

describe('threadingHints', () => {
  it('when a mail has both kinds of hint, then it carries both in the shape intake reads', () => {
    expect(threadingHints({ inReplyTo: '<r@sb.example>', subject: 'Re: Help [#9]' })).toEqual({
      providerIds: ['<r@sb.example>'],
      ticketNumber: 9,
    });
    expect(threadingHints({ subject: 'Help' })).toEqual({ providerIds: [] });
  });
});

describe('replySubject', () => {
  it('when asked for a token, then it is [#number]', () => {
    expect(subjectToken(1234)).toBe('[#1234]');
  });

  it('when the ticket subject is plain, then the reply gets Re: and the token', () => {
    expect(replySubject('Printer on fire', 1234)).toBe('Re: Printer on fire [#1234]');
  });

  it('when the subject already has Re: prefixes and tokens, then they are not repeated', () => {
    expect(replySubject('Re: RE: AW: Printer on fire [#1234]', 1234)).toBe('Re: Printer on fire [#1234]');
    expect(replySubject('[#1234] Re: Printer [#99] on fire', 1234)).toBe('Re: Printer on fire [#1234]');
  });

  it('when a Chinese client prefixed it, then 回复/答复 are replaced by one Re:', () => {
    expect(replySubject('回复: 答复：打印机无法连接网络', 5)).toBe('Re: 打印机无法连接网络 [#5]');
  });

  it('when the ticket has no subject, then the reply still carries the token', () => {
    expect(replySubject('', 5)).toBe('Re: [#5]');
    expect(replySubject(null, 5)).toBe('Re: [#5]');
  });

  it('when the subject is a forward, then Fwd: stays: it is part of what the customer wrote', () => {
    expect(replySubject('Fwd: invoice', 5)).toBe('Re: Fwd: invoice [#5]');
  });
});
