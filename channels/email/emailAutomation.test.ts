import { describe, expect, it } from 'vitest';
import { classifyAutomation } from './emailAutomation';

const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const person = 'alice@customer.example';

describe('classifyAutomation', () => {
  it('when a person writes, then it is not automated', () => {
    expect(classifyAutomation(headers({ subject: 'Printer on fire' }), person)).toEqual({
      automated: false,
      reason: null,
    });
  });

  it.each(['auto-replied', 'auto-generated', 'Auto-Replied; owner-email="carol@customer.example"'])(
    'when Auto-Submitted is %s, then it is automated and the header is named',
    (value) => {
      expect(classifyAutomation(headers({ 'auto-submitted': value }), person)).toEqual({
        automated: true,
        reason: `Auto-Submitted: ${value}`,
      });
    },
  );

  it('when Auto-Submitted is no, then it is a person after all', () => {
    expect(classifyAutomation(headers({ 'auto-submitted': 'No' }), person).automated).toBe(false);
  });

  it.each(['bulk', 'junk', 'list', 'Bulk'])('when Precedence is %s, then it is automated', (value) => {
    expect(classifyAutomation(headers({ precedence: value }), person)).toEqual({
      automated: true,
      reason: `Precedence: ${value}`,
    });
  });

  it('when Precedence is something else, then it alone does not make it automated', () => {
    expect(classifyAutomation(headers({ precedence: 'first-class' }), person).automated).toBe(false);
  });

  it('when List-Id is present, raw or as mailparser folds it into list.id, then it is automated', () => {
    expect(classifyAutomation(headers({ 'list-id': 'News <news.vendor.example>' }), person)).toEqual({
      automated: true,
      reason: 'List-Id',
    });
    expect(classifyAutomation(headers({ list: { id: { id: 'news.vendor.example' } } }), person)).toEqual({
      automated: true,
      reason: 'List-Id',
    });
  });

  it('when only List-Unsubscribe is folded into list, then it is not a list mail by that alone', () => {
    expect(
      classifyAutomation(headers({ list: { unsubscribe: { url: 'https://vendor.example/u' } } }), person).automated,
    ).toBe(false);
  });

  it('when X-Autoreply or X-Autorespond is present, then it is automated', () => {
    expect(classifyAutomation(headers({ 'x-autoreply': 'yes' }), person).reason).toBe('X-Autoreply');
    expect(classifyAutomation(headers({ 'x-autorespond': '' }), person).reason).toBe('X-Autorespond');
  });

  it('when only X-Auto-Response-Suppress asks others not to auto-reply, then it is still a person', () => {
    expect(classifyAutomation(headers({ 'x-auto-response-suppress': 'All' }), person).automated).toBe(false);
    expect(classifyAutomation(headers({ 'x-auto-response-suppress': 'OOF, AutoReply' }), person).automated).toBe(false);
  });

  it.each(['MAILER-DAEMON@mail.example.com', 'mailer-daemon@x.example', 'Postmaster@customer.example'])(
    'when the sender is %s, then it is automated',
    (from) => {
      expect(classifyAutomation(headers({}), from)).toEqual({ automated: true, reason: `From: ${from}` });
    },
  );

  it('when a local part only contains postmaster, then it is a person', () => {
    expect(classifyAutomation(headers({}), 'postmaster.jones@customer.example').automated).toBe(false);
    expect(classifyAutomation(headers({}), null).automated).toBe(false);
  });
});
