import { describe, expect, it } from 'vitest';
import type { SimulatedSms } from '../../../server/http/apiTypes';
import { mergeSimulated, type LocalSms } from './mergeSimulated';

const PHONE = '+15553820417';
const sms = (sid: string, text = sid, status = 'sent'): SimulatedSms => ({
  sid,
  direction: 'from_phone',
  text,
  status,
  at: '2025-03-10T12:00:00Z',
});
const local = (sid: string, text = sid, confirmed = sid.startsWith('SM'), phone = PHONE): LocalSms => ({
  ...sms(sid, text, confirmed ? 'sent' : 'sending'),
  phone,
  confirmed,
});

describe('mergeSimulated', () => {
  it('shows a text just sent here after what the server has', () => {
    expect(mergeSimulated([sms('SMa')], [local('local-1', 'hello')], PHONE).map((m) => m.sid)).toEqual([
      'SMa',
      'local-1',
    ]);
  });

  it("prefers the server's copy once it lists the text", () => {
    expect(mergeSimulated([sms('SM1', 'hi', 'sent')], [local('SM1', 'hi')], PHONE)).toEqual([sms('SM1', 'hi', 'sent')]);
  });

  it('recognises a text still waiting for its sid by its words, once per server text', () => {
    const merged = mergeSimulated([sms('SM1', 'hi')], [local('local-1', 'hi'), local('local-2', 'hi')], PHONE);
    expect(merged.map((m) => m.sid)).toEqual(['SM1', 'local-2']);
  });

  it('does not let a confirmed text’s server copy stand in for a waiting one with the same words', () => {
    const merged = mergeSimulated([sms('SM1', 'hi')], [local('SM1', 'hi'), local('local-2', 'hi')], PHONE);
    expect(merged.map((m) => m.sid)).toEqual(['SM1', 'local-2']);
  });

  it('leaves out texts sent from another number', () => {
    expect(mergeSimulated([], [local('local-1', 'x', false, '+15550000000')], PHONE)).toEqual([]);
  });
});
