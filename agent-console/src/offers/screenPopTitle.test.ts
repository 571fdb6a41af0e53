import { describe, expect, it } from 'vitest';
import type { ScreenPop, ScreenPopVoice } from '../../../server/http/apiTypes';
import { en } from '../i18n/en';
import { screenPopKind, screenPopTitle } from './screenPopTitle';

function pop(
  channel: ScreenPop['ticket']['channel'],
  voice: ScreenPopVoice | null = null,
): Pick<ScreenPop, 'ticket' | 'voice'> {
  return { ticket: { channel } as ScreenPop['ticket'], voice };
}

const call: ScreenPopVoice = {
  kind: 'call',
  queueName: 'General',
  waitingSince: '2025-03-10T12:00:00.000Z',
  callback: null,
};
const callback: ScreenPopVoice = {
  kind: 'callback',
  queueName: 'General',
  waitingSince: '2025-03-10T12:00:00.000Z',
  callback: {
    phoneNumber: '+14155550101',
    note: 'About invoice 42',
    dueAt: '2025-03-10T13:00:00.000Z',
    attempts: 1,
    maxAttempts: 3,
  },
};

describe('screenPopTitle', () => {
  it('when the offer is SMS or email, then the title is by channel', () => {
    expect(screenPopTitle(pop('sms'))).toEqual({ key: 'offer.title.sms', values: {} });
    expect(screenPopTitle(pop('email'))).toEqual({ key: 'offer.title.email', values: {} });
  });

  it('when the offer is a live call or a voicemail, then the title says so', () => {
    expect(screenPopTitle(pop('voice', call))).toEqual({ key: 'offer.title.call', values: {} });
    expect(screenPopKind(pop('voice', { ...call, kind: 'voicemail' }))).toBe('voicemail');
  });

  it('when the offer is a callback, then the title names the number the agent will call', () => {
    expect(screenPopTitle(pop('voice', callback))).toEqual({
      key: 'offer.title.callback',
      values: { number: '+14155550101' },
    });
  });

  it('when a voice offer has neither call nor callback, then it falls back to a generic phone title', () => {
    expect(screenPopKind(pop('voice'))).toBe('voice');
  });

  it('every kind has an English title', () => {
    for (const kind of ['call', 'voicemail', 'callback', 'voice', 'sms', 'email'] as const)
      expect(en.offer.title[kind]).toBeTruthy();
  });
});
